package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logged in as root on real OpenSSH hosts, whose sshd refuses "signal" requests for root's sessions: a
 * timeout and Ctrl-C still end the command on the host, and a retry never starts beside the attempt it
 * replaces.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(2)
class RootLoginOpenSshE2ETest {
    @TempDir
    Path cwd;

    @BeforeEach
    void asRoot() {
        assertThat(System.getProperty("user.name"))
                .as("the fleet logs in as the user running the tests; these tests are about root")
                .isEqualTo("root");
    }

    @Test
    void aTimedOutAttemptEndsOnTheHostBeforeItsRetryStarts(OpenSshFleet fleet) throws Exception {
        CliRun r = TimedOutAttempts.run(fleet, cwd, "");
        TimedOutAttempts.assertEachEndedBeforeItsRetry(fleet, cwd, r);
    }

    @Test
    void execPastItsTimeoutEndsTheCommandOnTheHost(OpenSshFleet fleet) throws Exception {
        String marker = "sleep 6" + ProcessHandle.current().pid() % 1000 + "5";
        CliRun r = CliRun.run(cwd, fleet.inventoryFile().toString(), "exec", "-t", "1s", "--", marker + "; echo never");
        try {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
            assertThat(r.out()).as(r.toString()).contains("timed out after 1s").doesNotContain("never");
            assertThat(RunningProcesses.awaitNone(marker, Duration.ofSeconds(5)))
                    .as("processes of the timed-out command still running")
                    .isEmpty();
        } finally {
            RunningProcesses.matching(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void ctrlCEndsTheCommandOnTheHost(OpenSshFleet fleet) throws Exception {
        String marker = "sleep 7" + ProcessHandle.current().pid() % 1000 + "7";
        try (var jinfra = JinfraProcess.start(
                cwd, List.of(fleet.inventoryFile().toString(), "exec", "--", marker + "; echo never"))) {
            jinfra.awaitWhileRunning(
                    () -> RunningProcesses.sleeps(marker) >= fleet.hosts().size(), Duration.ofSeconds(30));
            assertThat(RunningProcesses.matching(marker))
                    .as("the command runs on every host")
                    .hasSizeGreaterThanOrEqualTo(fleet.hosts().size());
            jinfra.interrupt();
            assertThat(jinfra.waitFor(Duration.ofSeconds(20)))
                    .as("jinfra ends soon after Ctrl-C")
                    .isTrue();
            assertThat(RunningProcesses.awaitNone(marker, Duration.ofSeconds(5)))
                    .as("commands still running after Ctrl-C")
                    .isEmpty();
            assertThat(jinfra.out()).doesNotContain("never");
        } finally {
            RunningProcesses.matching(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
