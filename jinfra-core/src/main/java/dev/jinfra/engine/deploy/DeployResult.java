package dev.jinfra.engine.deploy;

import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole deploy run: the operations in run order, every operation's outcome on every host, and each host's
 * one final state (in inventory order) with the reason when it did not succeed.
 *
 * @param roundTrips commands each host ran for facts and for changes, by host name
 * @param stopReason why the run stopped before the end (failure budget, a batch that failed whole, not
 *     confirmed), or null; an interrupted run says so in {@code interrupted}
 */
public record DeployResult(
        List<DeployListener.PlannedOperation> operations,
        List<OperationOutcome> outcomes,
        Map<String, DeployHostState> hostStates,
        Map<String, String> hostErrors,
        Map<String, Integer> roundTrips,
        boolean dryRun,
        boolean interrupted,
        Duration elapsed,
        String stopReason) {

    public DeployResult {
        operations = List.copyOf(operations);
        outcomes = List.copyOf(outcomes);
        hostStates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hostStates));
        hostErrors = Map.copyOf(hostErrors);
        roundTrips = Map.copyOf(roundTrips);
    }

    public long count(DeployHostState state) {
        return hostStates.values().stream().filter(s -> s == state).count();
    }

    /** Operations (on one host each) that ended with {@code status}. */
    public long count(OperationStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** "97 of 100 hosts succeeded: 85 changed, 12 unchanged; 2 failed; 1 unreachable". */
    public String describe() {
        long changed = count(DeployHostState.CHANGED);
        long unchanged = count(DeployHostState.UNCHANGED);
        StringBuilder sb = new StringBuilder();
        sb.append(changed + unchanged)
                .append(" of ")
                .append(hostStates.size())
                .append(hostStates.size() == 1 ? " host" : " hosts")
                .append(" succeeded: ")
                .append(changed)
                .append(dryRun ? " would change, " : " changed, ")
                .append(unchanged)
                .append(" unchanged");
        for (DeployHostState s : List.of(
                DeployHostState.FAILED,
                DeployHostState.UNREACHABLE,
                DeployHostState.INCOMPLETE,
                DeployHostState.NOT_STARTED)) {
            long n = count(s);
            if (n > 0) {
                sb.append("; ").append(n).append(' ').append(s.label().replace('_', ' '));
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

    /**
     * Gathers the parts of a run batch by batch and makes the one result, in which every host has exactly one
     * state and every host × operation exactly one outcome.
     */
    static final class Collector {
        private final List<DeployListener.PlannedOperation> operations = new ArrayList<>();
        private final List<OperationOutcome> outcomes = new ArrayList<>();
        private final Map<String, DeployHostState> states = new LinkedHashMap<>();
        private final Map<String, String> errors = new LinkedHashMap<>();
        private final Map<String, Integer> roundTrips = new LinkedHashMap<>();

        void add(DeployResult part) {
            operations.addAll(part.operations());
            outcomes.addAll(part.outcomes());
            states.putAll(part.hostStates());
            errors.putAll(part.hostErrors());
            roundTrips.putAll(part.roundTrips());
        }

        void notStarted(Host host, String why) {
            states.put(host.name(), DeployHostState.NOT_STARTED);
            errors.put(host.name(), "not started: " + why);
        }

        DeployResult result(
                List<Host> hosts, boolean dryRun, boolean interrupted, Duration elapsed, String stopReason) {
            Map<String, DeployHostState> ordered = new LinkedHashMap<>();
            for (Host h : hosts) {
                ordered.put(h.name(), states.getOrDefault(h.name(), DeployHostState.NOT_STARTED));
                if (!states.containsKey(h.name())) {
                    errors.put(h.name(), "not started: " + (interrupted ? "interrupted" : stopReason));
                }
            }
            return new DeployResult(
                    operations, outcomes, ordered, errors, roundTrips, dryRun, interrupted, elapsed, stopReason);
        }
    }

    /**
     * A host's one state from its outcomes, for a host that did not fail and was reached: incomplete when the run
     * stopped before one of its operations, else changed when one changed it, else unchanged.
     */
    static DeployHostState stateFrom(List<OperationOutcome> ofHost) {
        if (ofHost.stream().anyMatch(o -> o.status() == OperationStatus.NOT_RUN)) {
            return DeployHostState.INCOMPLETE;
        }
        return ofHost.stream().anyMatch(o -> o.status() == OperationStatus.CHANGED)
                ? DeployHostState.CHANGED
                : DeployHostState.UNCHANGED;
    }
}
