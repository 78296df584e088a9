package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A deploy whose slow step times out and is retried: each attempt notes that it started, and that it found another
 * attempt still running; a TERM ends it through the trap, and only an attempt that was never stopped gets to write
 * "finished". Shared by the tests that check a timed-out attempt ends on the host before its retry starts.
 */
final class TimedOutAttempts {
    private TimedOutAttempts() {}

    /** Runs the deploy in {@code cwd}; {@code before} is deploy code ahead of the slow step (may be empty). */
    static CliRun run(OpenSshFleet fleet, Path cwd, String before) throws Exception {
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String d = "%s/" + host.name();
                    %s
                    server.shell("mkdir -p " + d + "; cd " + d + "; if [ -e running ]; then echo overlap >> log; fi;"
                                    + " touch running; echo started >> log; trap 'rm -f running; exit 143' TERM;"
                                    + " sleep 3; echo finished >> log; rm -f running")
                            .timeout(java.time.Duration.ofSeconds(1))
                            .retries(2, java.time.Duration.ofMillis(100))
                            .name("Slow step");
                }
                """.formatted(cwd, before));
        return CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes", "--no-lock");
    }

    /** Every attempt on every host started alone and was stopped. */
    static void assertEachEndedBeforeItsRetry(OpenSshFleet fleet, Path cwd, CliRun r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.out()).as(r.toString()).contains("timed out");
        // Long enough for an attempt that was not stopped to finish its sleep and write "finished".
        Thread.sleep(3_500);
        for (var host : fleet.hosts()) {
            List<String> log = Files.readAllLines(cwd.resolve(host.name()).resolve("log"));
            assertThat(log).as("attempts on %s: %s", host.name(), r).containsExactly("started", "started", "started");
        }
    }
}
