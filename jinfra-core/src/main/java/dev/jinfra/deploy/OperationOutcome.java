package dev.jinfra.deploy;

import dev.jinfra.inventory.Host;
import java.util.List;

/**
 * One operation on one host.
 *
 * @param commands the commands run (or, in a dry run, that would run)
 * @param reason why nothing was needed, why it was skipped, or what failed
 */
public record OperationOutcome(OperationId id, String name, Host host, OperationStatus status, List<String> commands,
                               String reason, String stdout, String stderr, int exitCode) {
    public OperationOutcome {
        commands = List.copyOf(commands);
    }

    static OperationOutcome skipped(OperationId id, String name, Host host, String why) {
        return new OperationOutcome(id, name, host, OperationStatus.SKIPPED, List.of(), why, "", "", -1);
    }
}
