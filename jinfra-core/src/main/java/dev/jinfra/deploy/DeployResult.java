package dev.jinfra.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A whole deploy run: the operations in run order, every operation's outcome on every host, and each host's
 * one final state (in inventory order) with the reason when it did not succeed.
 *
 * @param roundTrips commands each host ran for facts and for changes, by host name
 */
public record DeployResult(List<DeployListener.PlannedOperation> operations, List<OperationOutcome> outcomes,
                           Map<String, DeployHostState> hostStates, Map<String, String> hostErrors,
                           Map<String, Integer> roundTrips, boolean dryRun, boolean interrupted, Duration elapsed,
                           String stopReason) {

    /** A run that went to the end. */
    public DeployResult(List<DeployListener.PlannedOperation> operations, List<OperationOutcome> outcomes,
                        Map<String, DeployHostState> hostStates, Map<String, String> hostErrors,
                        Map<String, Integer> roundTrips, boolean dryRun, boolean interrupted, Duration elapsed) {
        this(operations, outcomes, hostStates, hostErrors, roundTrips, dryRun, interrupted, elapsed, null);
    }

    public DeployResult {
        operations = List.copyOf(operations);
        outcomes = List.copyOf(outcomes);
        hostStates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hostStates));
        hostErrors = Map.copyOf(hostErrors);
        roundTrips = Map.copyOf(roundTrips);
    }

    public long count(DeployHostState state) {
        return hostStates.values().stream().filter(s -> s == state).count();
    }

    /** "97 of 100 hosts succeeded: 85 changed, 12 unchanged; 2 failed; 1 unreachable". */
    public String describe() {
        long changed = count(DeployHostState.CHANGED);
        long unchanged = count(DeployHostState.UNCHANGED);
        StringBuilder sb = new StringBuilder();
        sb.append(changed + unchanged).append(" of ").append(hostStates.size())
                .append(hostStates.size() == 1 ? " host" : " hosts").append(" succeeded: ")
                .append(changed).append(dryRun ? " would change, " : " changed, ").append(unchanged).append(" unchanged");
        for (DeployHostState s : List.of(DeployHostState.FAILED, DeployHostState.UNREACHABLE, DeployHostState.SKIPPED)) {
            long n = count(s);
            if (n > 0) {
                sb.append("; ").append(n).append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (interrupted) {
            sb.append(" (interrupted)");
        }
        if (stopReason != null) {
            sb.append(" (stopped: ").append(stopReason).append(')');
        }
        return sb.toString();
    }
}
