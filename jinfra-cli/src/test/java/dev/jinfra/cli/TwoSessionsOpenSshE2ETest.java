package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.file.Path;
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
        // The step before makes the attempt a connection's second command or later, so a channel is open ahead.
        CliRun r = TimedOutAttempts.run(fleet, cwd, "server.shell(\"mkdir -p \" + d).name(\"Make the directory\");");
        TimedOutAttempts.assertEachEndedBeforeItsRetry(fleet, cwd, r);
    }
}
