package dev.jinfra.engine.deploy;

import dev.jinfra.engine.FailureTally;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts of a batch that left the run (failed, unreachable, not started) with why; the others are still in
 * it. A host leaves once: the first state and reason stay, so that a later, secondary failure never hides the
 * cause. Failed and unreachable hosts count against the run's failure budget.
 */
final class HostStates {
    private final Map<String, DeployHostState> states = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final FailureTally tally;

    HostStates(FailureTally tally) {
        this.tally = tally;
    }

    /** The host leaves the run in {@code state}; a failed or unreachable host counts against the failure budget. */
    void leave(Host host, DeployHostState state, String why) {
        if (states.putIfAbsent(host.name(), state) == null) {
            errors.put(host.name(), why);
            if (state == DeployHostState.FAILED || state == DeployHostState.UNREACHABLE) {
                tally.hostFailed();
            }
        }
    }

    /** The host is not started, unless it already left the run. */
    void notStarted(Host host, String why) {
        if (states.putIfAbsent(host.name(), DeployHostState.NOT_STARTED) == null) {
            errors.put(host.name(), "not started: " + why);
        }
    }

    boolean hasLeft(Host host) {
        return states.containsKey(host.name());
    }

    String error(Host host) {
        return errors.get(host.name());
    }

    /**
     * The outcome of an operation the run did not get to on a host: skipped when the host had left the run,
     * else not run because the run stopped.
     */
    OperationOutcome notRunOrSkipped(DeployListener.PlannedOperation op, Host host, String stopped) {
        DeployHostState left = states.get(host.name());
        if (left != null) {
            return OperationOutcome.skipped(
                    op.id(), op.name(), host, "host " + left.label().replace('_', ' ') + " earlier");
        }
        return OperationOutcome.notRun(
                op.id(), op.name(), host, stopped.equals("interrupted") ? "interrupted" : "run stopped: " + stopped);
    }

    /**
     * The batch ends before its first change: each host with a problem fails with its problems, every other host
     * is not started, and every operation on every host is not run, except the ones whose check failed.
     */
    List<OperationOutcome> stopBeforeAnyChange(
            List<Host> hosts,
            List<DeployListener.PlannedOperation> planned,
            List<DeployListener.CheckProblem> problems) {
        Map<Host, List<String>> found = new LinkedHashMap<>();
        Set<String> failedChecks = new HashSet<>();
        for (DeployListener.CheckProblem p : problems) {
            for (Host h : p.hosts()) {
                found.computeIfAbsent(h, x -> new ArrayList<>()).add(p.message());
                failedChecks.add(h.name() + "\0" + p.operation());
            }
        }
        found.forEach((h, messages) -> leave(h, DeployHostState.FAILED, String.join("; ", messages)));
        hosts.forEach(h -> notStarted(h, DeployRunner.PREFLIGHT_FAILED));
        List<OperationOutcome> outcomes = new ArrayList<>();
        for (var op : planned) {
            for (Host h : op.hosts()) {
                outcomes.add(
                        failedChecks.contains(h.name() + "\0" + op.id())
                                ? new OperationOutcome(
                                        op.id(), op.name(), h, OperationStatus.FAILED, List.of(), error(h), "", "", -1)
                                : OperationOutcome.notRun(op.id(), op.name(), h, DeployRunner.PREFLIGHT_FAILED));
            }
        }
        return outcomes;
    }

    /**
     * Every host's one final state: the state it left the run in, else what its outcomes add up to. A host that
     * did not finish is given why, from its first operation that was not run.
     */
    Map<String, DeployHostState> finalStates(List<Host> hosts, List<OperationOutcome> outcomes) {
        Map<String, DeployHostState> finalStates = new LinkedHashMap<>();
        Map<Host, List<OperationOutcome>> byHost = new LinkedHashMap<>();
        outcomes.forEach(
                o -> byHost.computeIfAbsent(o.host(), h -> new ArrayList<>()).add(o));
        for (Host h : hosts) {
            DeployHostState s = states.get(h.name());
            if (s == null) {
                List<OperationOutcome> mine = byHost.getOrDefault(h, List.of());
                s = DeployResult.stateFrom(mine);
                if (s == DeployHostState.INCOMPLETE) {
                    mine.stream()
                            .filter(o -> o.status() == OperationStatus.NOT_RUN)
                            .findFirst()
                            .ifPresent(o -> errors.put(h.name(), "not finished: " + o.reason()));
                }
            }
            finalStates.put(h.name(), s);
        }
        return finalStates;
    }

    /** Why each host that left or did not finish did so. */
    Map<String, String> errors() {
        return errors;
    }
}
