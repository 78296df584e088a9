package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real jinfra process: it stops, closes sessions, still reports every host, and exits 130. */
class InterruptTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(8);

    @TempDir
    Path cwd;

    @Test
    void ctrlCStopsTheRunAndStillPrintsTheReport() throws Exception {
        int exit;
        String report;
        String errors;
        try (var jinfra = JinfraProcess.start(
                cwd,
                List.of(
                        fleetExtension.fleet().inventoryYaml().toString(),
                        "exec",
                        "--parallel",
                        "4",
                        "--progress",
                        "always",
                        "--",
                        "sleep 60"))) {
            // Wait until four hosts are running their command, then press Ctrl-C.
            jinfra.awaitWhileRunning(() -> commandsStarted() >= 4, Duration.ofSeconds(30));
            assertThat(commandsStarted()).as(jinfra.err()).isEqualTo(4);
            jinfra.interrupt();
            assertThat(jinfra.waitFor(Duration.ofSeconds(20)))
                    .as("jinfra exits soon after Ctrl-C")
                    .isTrue();
            exit = jinfra.exitCode();
            report = jinfra.out();
            errors = jinfra.err();
        }
        assertThat(exit).as(report + errors).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(report).contains("(4 hosts) ── failed: interrupted while running");
        assertThat(report).contains("(4 hosts) ── not started: interrupted");
        assertThat(report).contains("0 of 8 hosts succeeded; 4 failed; 4 not started (interrupted)");
        assertThat(errors).contains("jinfra: interrupted: stopping");
        List<String> retry = Files.readAllLines(cwd.resolve(".jinfra/failed-hosts")).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();
        assertThat(retry).hasSize(8);
    }

    private static int commandsStarted() {
        return fleetExtension.fleet().hosts().stream()
                .mapToInt(h -> h.commands().size())
                .sum();
    }
}
