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

    default void operationStarted(int number, int total, PlannedOperation operation) {}

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
