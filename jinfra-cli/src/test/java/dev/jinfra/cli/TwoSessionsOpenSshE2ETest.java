package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root on a real sshd with {@code MaxSessions 2}. sshd refuses "signal" requests for root, so jinfra ends a
 * timed-out command through a script on a channel of its own; a running command and the channel opened ahead
 * for the next one would fill both sessions. The channel opened ahead is closed first, so the script runs and
 * the attempt ends before its retry starts.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(value = 1, maxSessions = 2)
class TwoSessionsOpenSshE2ETest {
    @TempDir
    Path cwd;

    @BeforeEach
    void asRoot() {
        assertThat(System.getProperty("user.name"))
                .as("the fleet logs in as the user running the tests; this test is about root")
                .isEqualTo("root");
    }

    @Test
    void aTimedOutAttemptEndsBeforeItsRetryStarts(OpenSshFleet fleet) throws Exception {
        // As in RootLoginOpenSshE2ETest: each attempt notes its start, and any attempt it finds still running.
        // The step before it makes the attempt a connection's second command or later, so a channel is open ahead.
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String d = "%s/" + host.name();
                    server.shell("mkdir -p " + d).name("Make the directory");
                    server.shell("cd " + d + "; if [ -e running ]; then echo overlap >> log; fi;"
                                    + " touch running; echo started >> log; trap 'rm -f running; exit 143' TERM;"
                                    + " sleep 3; echo finished >> log; rm -f running")
                            .timeout(java.time.Duration.ofSeconds(1))
                            .retries(2, java.time.Duration.ofMillis(100))
                            .name("Slow step");
                }
                """.formatted(cwd));
        CliRun r = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes", "--no-lock");
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
