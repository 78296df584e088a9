package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec -e NAME=VALUE}: the value reaches the command on standard input, never on a command line any user of
 * the host can read (the in-process fleet runs its commands on this machine, so /proc here is the host's).
 */
class ExecSecretsTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @TempDir
    Path cwd;

    static final String SECRET = "tok-" + Long.toHexString(System.nanoTime());

    static boolean anyCommandLineHas(String text) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    if (new String(Files.readAllBytes(p.resolve("cmdline"))).contains(text)) {
                        return true;
                    }
                } catch (java.io.IOException gone) {
                    // Ended while the list was read.
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEnvironmentValueIsNeverOnACommandLineAndTheCommandStillGetsItsValue() {
        var run = CompletableFuture.supplyAsync(() -> CliRun.run(
                cwd,
                fleetExtension.fleet().inventoryYaml().toString(),
                "exec",
                "-e",
                "API_TOKEN=" + SECRET,
                "--",
                "sleep 1; printf 'token=%s\\n' \"$API_TOKEN\""));
        List<Boolean> seen = new ArrayList<>();
        while (!run.isDone()) {
            seen.add(anyCommandLineHas(SECRET));
        }
        CliRun r = run.join();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(seen)
                .as("command lines looked at while it ran")
                .hasSizeGreaterThan(10)
                .doesNotContain(true);
        assertThat(r.out()).contains("token=" + SECRET);
    }
}
