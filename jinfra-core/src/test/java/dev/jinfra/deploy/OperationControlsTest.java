package dev.jinfra.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.command.Secret;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OperationControlsTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    DeployResult run(Deploy deploy) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.defaults(),
                        new DeployListener() {});
    }

    List<OperationStatus> statuses(DeployResult r, String operation) {
        return r.outcomes().stream()
                .filter(o -> o.name().equals(operation))
                .map(OperationOutcome::status)
                .toList();
    }

    @Test
    void aHandlerRunsOnlyWhereItsTriggerChanged() throws Exception {
        String first = fleetExtension.fleet().hostNames().getFirst();
        Files.createDirectories(dir.resolve(first));
        Deploy deploy = host -> {
            OperationCall made =
                    files.directory(dir.resolve(host.name()).toString()).name("dir");
            server.shell("echo reloaded").name("reload").when(made::changed);
        };
        DeployResult r = run(deploy);
        assertThat(statuses(r, "dir"))
                .containsExactly(OperationStatus.UNCHANGED, OperationStatus.CHANGED, OperationStatus.CHANGED);
        assertThat(statuses(r, "reload"))
                .containsExactly(OperationStatus.SKIPPED, OperationStatus.CHANGED, OperationStatus.CHANGED);
        assertThat(r.hostStates().get(first)).isEqualTo(DeployHostState.UNCHANGED);
    }

    @Test
    void retriesRunAFailedCommandAgain() {
        Path counter = dir.resolve("tries");
        Deploy deploy = host -> server.shell(
                        "echo x >> " + counter + "-$FLEET_HOST; [ $(wc -l < " + counter + "-$FLEET_HOST) -ge 3 ]")
                .name("flaky")
                .retries(3, Duration.ofMillis(10));
        DeployResult r = run(deploy);
        assertThat(statuses(r, "flaky")).containsOnly(OperationStatus.CHANGED);
    }

    @Test
    void retryUntilRunsAgainUntilTheOutputSaysDone() {
        Path counter = dir.resolve("polls");
        Deploy deploy = host -> server.shell("echo x >> " + counter + "-$FLEET_HOST; [ $(wc -l < " + counter
                        + "-$FLEET_HOST) -ge 3 ] && echo ready || echo starting")
                .name("poll")
                .retries(5, Duration.ofMillis(5))
                .retryUntil(out -> out.contains("ready"));
        DeployResult r = run(deploy);
        assertThat(statuses(r, "poll")).containsOnly(OperationStatus.CHANGED);
        assertThat(r.outcomes().getFirst().stdout()).endsWith("ready\n");
    }

    @Test
    void aChosenShellInterpretsTheCommands() {
        DeployResult r = run(
                host -> server.shell("[ -n \"$BASH_VERSION\" ]").name("bash").shell("bash"));
        assertThat(statuses(r, "bash")).containsOnly(OperationStatus.CHANGED);
    }

    @Test
    void otherExitCodesCanCountAsSuccess() {
        DeployResult r = run(host -> server.shell("exit 3").name("three").successExitCodes(0, 3));
        assertThat(statuses(r, "three")).containsOnly(OperationStatus.CHANGED);
    }

    @Test
    void continueOnErrorRunsTheRemainingCommandsButStillFails() throws Exception {
        Path marker = dir.resolve("after");
        DeployResult r = run(
                host -> server.shell("false", "touch " + marker).name("both").continueOnError());
        assertThat(statuses(r, "both")).containsOnly(OperationStatus.FAILED);
        assertThat(marker).exists();
    }

    @Test
    void ignoredErrorsKeepTheHostInTheRun() {
        DeployResult r = run(host -> {
            server.shell("false").name("may fail").ignoreErrors();
            server.shell("true").name("next");
        });
        assertThat(statuses(r, "next")).containsOnly(OperationStatus.CHANGED);
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
    }

    @Test
    void withASudoPasswordTheCommandGetsOnlyItsOwnInputWhenSudoAsksForNone() {
        // As root, sudo asks for no password and reads none: the password must still not reach the command.
        DeployResult r = run(host -> server.shell("cat")
                .name("cat")
                .sudo()
                .sudoPassword(new Secret("s3cret-pw"))
                .stdin("own input\n"));
        assertThat(r.outcomes()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OperationStatus.CHANGED);
            assertThat(o.stdout()).isEqualTo("own input\n");
        });
    }

    @Test
    void stdinReachesTheCommands() {
        DeployResult r = run(host -> server.shell("read line; [ \"$line\" = 'hello there' ]")
                .name("read")
                .stdin("hello there\n"));
        assertThat(statuses(r, "read")).containsOnly(OperationStatus.CHANGED);
    }
}
