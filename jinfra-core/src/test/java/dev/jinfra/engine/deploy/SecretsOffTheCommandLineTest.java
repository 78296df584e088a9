package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environment values reach commands on standard input: while the command runs, no process on the host (the
 * in-process fleet runs its commands on this machine) has the value in its command line.
 */
class SecretsOffTheCommandLineTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    static final String SECRET = "s3cr3t-" + Long.toHexString(System.nanoTime());

    /** Every process's command line on this machine that holds {@code text}. */
    static List<String> commandLinesWith(String text) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (cmdline.contains(text)) {
                        found.add(p.getFileName() + ": " + cmdline);
                    }
                } catch (java.io.IOException gone) {
                    // The process ended while the list was read.
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    /** Watches every process's command line until {@code done}, returning each seen with the secret in it. */
    static List<String> watchWhile(CompletableFuture<?> done) {
        List<String> seen = new ArrayList<>();
        while (!done.isDone()) {
            seen.addAll(commandLinesWith(SECRET));
        }
        return seen;
    }

    @Test
    void aDeploysEnvironmentValuesAreNeverOnACommandLine() throws Exception {
        Path out = dir.resolve("out");
        Path started = dir.resolve("started");
        Deploy deploy = host -> server.shell("touch " + started + "; sleep 1; printf '%s' \"$DB_PASSWORD\" > " + out)
                .env("DB_PASSWORD", SECRET + " with 'quotes', $(dollars), `ticks`,\nnewlines\\ and a trailing \\")
                .name("uses the password");
        var run = CompletableFuture.supplyAsync(() -> new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.builder().build(),
                        new DeployListener() {}));
        List<String> seen = watchWhile(run);
        DeployResult r = run.join();
        assertThat(r.hostStates().values()).as(r.hostErrors().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(started)
                .as("the command ran while the processes were watched")
                .exists();
        assertThat(seen).isEmpty();
        assertThat(Files.readString(out))
                .isEqualTo(SECRET + " with 'quotes', $(dollars), `ticks`,\nnewlines\\ and a trailing \\");
        // What people see still says which variable the command got, masked.
        assertThat(r.outcomes().getFirst().commands().getFirst())
                .contains("export DB_PASSWORD=")
                .contains("****")
                .doesNotContain(SECRET);
    }
}
