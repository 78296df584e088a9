package dev.jinfra.cli;

import static dev.jinfra.cli.FaultPlan.HostFault.DROPPED;
import static dev.jinfra.cli.FaultPlan.HostFault.HEALTHY;
import static dev.jinfra.cli.FaultPlan.HostFault.HUNG_COMMAND;
import static dev.jinfra.cli.FaultPlan.HostFault.LOCKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What exec must report for a host with each fault of a {@link FaultPlan}, and what the host must have done. The
 * command prints the host's name, then marks the host in {@code marks}: a marked host ran it to its end.
 *
 * @param marks a directory of this machine, where the in-process hosts run their commands
 */
record ExecContract(Path marks, String connectTimeout, String commandTimeout) {

    String command() {
        return "echo \"$FLEET_HOST\"; sleep 0.2; touch " + marks + "/\"$FLEET_HOST\"";
    }

    boolean marked(String host) {
        return Files.exists(marks.resolve(host));
    }

    /** A run without Ctrl-C: every host's state, error and output follow from its fault alone. */
    void assertOutcome(ExecRunOutput run, String host, FaultPlan.HostFault fault, String context) {
        String as = context + ": " + host + " (" + fault + ") " + run.hosts.get(host);
        switch (fault) {
            case HEALTHY, LOCKED -> {
                // exec takes no run lock: another run's lock is a deploy's business.
                assertThat(run.state(host)).as(as).isEqualTo("succeeded");
                assertThat(run.hosts.get(host).get("exit_code").asInt()).as(as).isZero();
                assertThat(run.hosts.get(host).get("stdout").asText()).as(as).isEqualTo(host + "\n");
                assertThat(marked(host)).as(as).isTrue();
            }
            case REFUSED -> assertUnreachable(run, host, as, "connection refused");
            case HUNG_HANDSHAKE -> assertUnreachable(run, host, as, "SSH handshake timed out after " + connectTimeout);
            case CHANGED_KEY -> assertUnreachable(run, host, as, "host key changed: ");
            case HUNG_COMMAND -> {
                assertThat(run.state(host)).as(as).isEqualTo("timed_out");
                assertThat(run.error(host)).as(as).isEqualTo("timed out after " + commandTimeout);
                assertThat(marked(host)).as(as).isFalse();
            }
            case DROPPED -> {
                // What the command did on the host after its first line is the host's business, not jinfra's.
                assertThat(run.state(host)).as(as).isEqualTo("failed");
                assertThat(run.error(host)).as(as).isEqualTo("connection lost before the command finished");
                assertThat(run.hosts.get(host).get("stdout").asText()).as(as).isEqualTo(host + "\n");
            }
        }
    }

    private void assertUnreachable(ExecRunOutput run, String host, String as, String error) {
        assertThat(run.state(host)).as(as).isEqualTo("unreachable");
        assertThat(run.error(host)).as(as).startsWith(error);
        assertThat(marked(host)).as(as).isFalse();
    }

    /**
     * A run stopped by Ctrl-C: a host may also not have started, or have been stopped while its command ran
     * (when it got that far); otherwise its fault decides, as without Ctrl-C.
     */
    void assertOutcomeAfterCtrlC(ExecRunOutput run, String host, FaultPlan.HostFault fault, String context) {
        String as = context + ": " + host + " (" + fault + ") " + run.hosts.get(host);
        String state = run.state(host);
        if (state.equals("not_started")) {
            assertThat(run.error(host)).as(as).contains("interrupted");
            assertThat(marked(host)).as(as).isFalse();
        } else if (state.equals("failed") && run.error(host).contains("interrupted")) {
            assertThat(fault)
                    .as(as + ": only a host that runs its command can be stopped in it")
                    .isIn(HEALTHY, LOCKED, HUNG_COMMAND, DROPPED);
        } else {
            assertOutcome(run, host, fault, context);
        }
    }
}
