package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleetExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = cwd.resolve("out.txt");
        Path err = cwd.resolve("err.txt");
        Process jinfra = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.jinfra.cli.Main",
                        fleetExtension.fleet().inventoryYaml().toString(),
                        "exec",
                        "--parallel",
                        "4",
                        "--progress",
                        "always",
                        "--",
                        "sleep 60")
                .directory(cwd.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            // Wait until four hosts are running their command, then press Ctrl-C.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (commandsStarted() < 4 && System.nanoTime() < deadline && jinfra.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(commandsStarted()).as(Files.readString(err)).isEqualTo(4);
            new ProcessBuilder("kill", "-INT", Long.toString(jinfra.pid()))
                    .start()
                    .waitFor();
            assertThat(jinfra.waitFor(20, TimeUnit.SECONDS))
                    .as("jinfra exits soon after Ctrl-C")
                    .isTrue();
        } finally {
            jinfra.destroyForcibly();
        }
        String report = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(jinfra.exitValue()).as(report + Files.readString(err)).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(report).contains("(4 hosts) ── failed: interrupted while running");
        assertThat(report).contains("(4 hosts) ── not started: interrupted");
        assertThat(report).contains("0 of 8 hosts succeeded; 4 failed; 4 not started (interrupted)");
        assertThat(Files.readString(err)).contains("jinfra: interrupted: stopping");
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
