package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.engine.CompositeRunListener;
import dev.jinfra.inventory.Host;
import java.util.List;

/** Forwards a deploy's events to several listeners in order; one that throws does not silence the others. */
final class CompositeDeployListener extends CompositeRunListener<DeployListener> implements DeployListener {
    CompositeDeployListener(List<DeployListener> listeners) {
        super(listeners);
    }

    @Override
    public void unreachable(Host host, String why) {
        each(l -> l.unreachable(host, why));
    }

    @Override
    public void factRead(Host host, Fact<?> fact, Object value) {
        each(l -> l.factRead(host, fact, value));
    }

    @Override
    public void planned(List<PlannedOperation> operations) {
        each(l -> l.planned(operations));
    }

    @Override
    public void proposed(Proposal proposal) {
        each(l -> l.proposed(proposal));
    }

    @Override
    public void lockBroken(Host host, String holder) {
        each(l -> l.lockBroken(host, holder));
    }

    @Override
    public void checkFailed(List<CheckProblem> problems) {
        each(l -> l.checkFailed(problems));
    }

    @Override
    public void operationStarted(int number, int total, PlannedOperation operation) {
        each(l -> l.operationStarted(number, total, operation));
    }

    @Override
    public void ownPaceStarted(int hostOperations) {
        each(l -> l.ownPaceStarted(hostOperations));
    }

    @Override
    public void hostProgressed(Host host, OperationId id, boolean failed) {
        each(l -> l.hostProgressed(host, id, failed));
    }

    @Override
    public void hostFinished(OperationOutcome outcome) {
        each(l -> l.hostFinished(outcome));
    }

    @Override
    public void operationFinished(int number, int total, PlannedOperation operation, List<OperationOutcome> outcomes) {
        each(l -> l.operationFinished(number, total, operation, outcomes));
    }

    @Override
    public void finished(DeployResult result) {
        each(l -> l.finished(result));
    }
}
