package dev.jinfra.engine.deploy;

import dev.jinfra.deploy.OperationId;
import dev.jinfra.inventory.Host;
import java.util.List;

/**
 * One operation on one host.
 *
 * @param commands the commands run (or, in a dry run, that would run)
 * @param reason why nothing was needed, why it was skipped, or what failed
 * @param diff for operations that change file content, in dry runs and with diff on: a unified diff; else null
 */
public record OperationOutcome(
        OperationId id,
        String name,
        Host host,
        OperationStatus status,
        List<String> commands,
        String reason,
        String stdout,
        String stderr,
        int exitCode,
        String diff) {
    public OperationOutcome {
        commands = List.copyOf(commands);
        // Errors quote URLs (git's remote, a download's source): their passwords are not to be shown.
        name = dev.jinfra.command.Redaction.urlPasswords(name);
        reason = dev.jinfra.command.Redaction.urlPasswords(reason);
    }

    /** An outcome without a content diff. */
    public OperationOutcome(
            OperationId id,
            String name,
            Host host,
            OperationStatus status,
            List<String> commands,
            String reason,
            String stdout,
            String stderr,
            int exitCode) {
        this(id, name, host, status, commands, reason, stdout, stderr, exitCode, null);
    }

    OperationOutcome withDiff(String text) {
        return new OperationOutcome(id, name, host, status, commands, reason, stdout, stderr, exitCode, text);
    }

    OperationOutcome withReason(String why) {
        return new OperationOutcome(id, name, host, status, commands, why, stdout, stderr, exitCode, diff);
    }

    /** The run stopped before this operation's turn on the host. */
    static OperationOutcome notRun(OperationId id, String name, Host host, String why) {
        return new OperationOutcome(id, name, host, OperationStatus.NOT_RUN, List.of(), why, "", "", -1);
    }

    static OperationOutcome skipped(OperationId id, String name, Host host, String why) {
        return new OperationOutcome(id, name, host, OperationStatus.SKIPPED, List.of(), why, "", "", -1);
    }
}
