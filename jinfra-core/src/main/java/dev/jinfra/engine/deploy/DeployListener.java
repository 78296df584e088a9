package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.engine.RunListener;
import dev.jinfra.inventory.Host;
import java.util.List;

/**
 * Hears a deploy run's events: the events every run has ({@link RunListener}: the run and its batches starting,
 * hosts connecting and connected, hosts waiting for a session) and a deploy's own (facts, the plan, the
 * proposal, operations and their outcomes). One family of events for exec, facts and deploys; progress output,
 * logs and JSON lines are listeners. A deploy ends with {@link #finished(DeployResult)}, which holds what
 * {@link RunListener#runFinished} would. Called from many threads: implementations must be thread-safe, fast,
 * and must not throw.
 */
public interface DeployListener extends RunListener {
    /** No session could be opened to the host: it takes no part in the run. */
    default void unreachable(Host host, String why) {}

    /** A fact was read from a host (in the prepare phase, or when an operation planned). */
    default void factRead(Host host, Fact<?> fact, Object value) {}

    /** The prepare phase is over: the operations in run order, and which hosts each one is for. */
    default void planned(List<PlannedOperation> operations) {}

    /** What the run would change, worked out from the facts before anything changes. */
    default void proposed(Proposal proposal) {}

    /**
     * The pre-flight check after the prepare phase found problems in the deploy's local inputs (each problem once,
     * with the hosts it was found on); the run stops before any change.
     */
    default void checkFailed(List<CheckProblem> problems) {}

    /** {@code --break-lock} removed another run's lock on the host ({@code holder}: who held it) and took it. */
    default void lockBroken(Host host, String holder) {}

    /** A problem the pre-flight check found, e.g. a template that does not render, and where. */
    record CheckProblem(OperationId operation, String message, List<Host> hosts) {
        public CheckProblem {
            hosts = List.copyOf(hosts);
        }

        /** The problem and the hosts it was found on: {@code ... (hosts web-1, web-2, web-3 and 7 more)}. */
        public String describe() {
            int shown = Math.min(hosts.size(), 3);
            String names = String.join(
                    ", ", hosts.subList(0, shown).stream().map(Host::name).toList());
            String more = hosts.size() > shown ? " and " + (hosts.size() - shown) + " more" : "";
            return message + " (" + (hosts.size() == 1 ? "host " : "hosts ") + names + more + ")";
        }
    }

    default void operationStarted(int number, int total, PlannedOperation operation) {}

    /**
     * From here hosts go at their own pace (the free strategy, or pipelined hosts under linear): an operation no
     * longer runs on every host together, so progress is told per host and operation, by {@link #hostProgressed}.
     * {@code hostOperations}: how many pairs of host and operation the batch has.
     */
    default void ownPaceStarted(int hostOperations) {}

    /**
     * At its own pace, as soon as the host says so: {@code host} is done with operation {@code id}, also when the
     * operation ran inside a script that goes on with later ones. Its outcome, output included, follows in
     * {@link #hostFinished} (for a script, when the script ends). A host may be told of twice for one operation.
     */
    default void hostProgressed(Host host, OperationId id, boolean failed) {}

    default void hostFinished(OperationOutcome outcome) {}

    default void operationFinished(
            int number, int total, PlannedOperation operation, List<OperationOutcome> outcomes) {}

    default void finished(DeployResult result) {}

    /** Listeners called in order (e.g. progress before the report, which it must clear the line for). */
    static DeployListener all(List<DeployListener> listeners) {
        return new CompositeDeployListener(listeners);
    }

    /** An operation in the run order, with the hosts that registered it. */
    record PlannedOperation(OperationId id, String name, List<Host> hosts) {}
}
