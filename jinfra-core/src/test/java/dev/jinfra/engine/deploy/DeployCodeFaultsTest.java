package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.engine.RunControl;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Whatever one host's deploy code does, it fails that host only, with where in the deploy it happened. */
class DeployCodeFaultsTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    static final String BROKEN = "web-002";

    List<Host> hosts() {
        return FleetHosts.all(fleetExtension.fleet(), Map.of());
    }

    DeployResult run(Deploy deploy, RunControl control, Duration prepareTimeout) {
        return new DeployRunner(h -> sshExtension.connector(), control)
                .run(
                        hosts(),
                        List.of(deploy),
                        DeployRunner.Options.builder()
                                .prepareTimeout(prepareTimeout)
                                .build(),
                        new DeployListener() {});
    }

    static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    // Ends the loops below after each test, which nothing else can (they ignore interruption on purpose), so
    // that they do not take a core from the tests after them.
    static volatile boolean stopSpinning;

    @org.junit.jupiter.api.AfterEach
    void stopSpinning() {
        stopSpinning = true;
    }

    @org.junit.jupiter.api.BeforeEach
    void allowSpinning() {
        stopSpinning = false;
    }

    /** Deploy code stuck in a loop that ignores interruption. */
    static void spin() {
        long n = 0;
        while (!stopSpinning) {
            n++;
        }
    }

    void directoryUnlessBroken(Host host, Runnable broken) {
        if (host.name().equals(BROKEN)) {
            broken.run();
        }
        files.directory(dir.resolve(host.name()).toString());
    }

    @Test
    void aStackOverflowFailsOnlyItsHostWithTheLineInWords() {
        DeployResult r =
                run(host -> directoryUnlessBroken(host, () -> recurse(0)), new RunControl(), Duration.ofSeconds(60));
        assertThat(r.hostStates().get(BROKEN)).isEqualTo(DeployHostState.FAILED);
        assertThat(r.hostErrors().get(BROKEN))
                .startsWith("deploy code failed: DeployCodeFaultsTest.java:")
                .endsWith(": endless recursion (the stack overflowed)")
                .doesNotContain("StackOverflowError");
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(2);
    }

    @Test
    void argumentsThatDoNotGoTogetherFailOnlyTheirHostWithTheLineOfTheOperation() {
        DeployResult r = run(
                host -> directoryUnlessBroken(
                        host, () -> files.link(dir.resolve("current").toString())),
                new RunControl(),
                Duration.ofSeconds(60));
        assertThat(r.hostStates().get(BROKEN)).isEqualTo(DeployHostState.FAILED);
        assertThat(r.hostErrors().get(BROKEN))
                .matches(
                        "deploy code failed: DeployCodeFaultsTest\\.java:\\d+: files\\.link needs a target for .*/current");
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(2);
    }

    @Test
    void anOutOfMemoryErrorFailsOnlyItsHost() {
        DeployResult r = run(
                host -> directoryUnlessBroken(host, () -> {
                    throw new OutOfMemoryError("Java heap space");
                }),
                new RunControl(),
                Duration.ofSeconds(60));
        assertThat(r.hostErrors().get(BROKEN)).contains("out of memory (Java heap space)");
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(2);
    }

    @Test
    void deployCodeThatNeverEndsFailsItsHostAtThePrepareTimeoutNamingWhereItWas() {
        DeployResult r = run(
                host -> directoryUnlessBroken(host, DeployCodeFaultsTest::spin),
                new RunControl(),
                Duration.ofSeconds(1));
        assertThat(r.hostErrors().get(BROKEN))
                .startsWith(
                        "deploy code did not finish within 1 s (--prepare-timeout); it was at DeployCodeFaultsTest.java:");
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(2);
    }

    @Test
    void ctrlCStopsAPreparePhaseStuckInDeployCode() throws Exception {
        RunControl control = new RunControl();
        var run = CompletableFuture.supplyAsync(() ->
                run(host -> directoryUnlessBroken(host, DeployCodeFaultsTest::spin), control, Duration.ofMinutes(10)));
        Thread.sleep(500);
        long cancelled = System.nanoTime();
        control.cancel();
        DeployResult r = run.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.hostStates().get(BROKEN)).isEqualTo(DeployHostState.NOT_STARTED);
        assertThat(r.hostErrors().get(BROKEN)).isEqualTo("not started: interrupted");
        assertThat(r.interrupted()).isTrue();
    }
}
