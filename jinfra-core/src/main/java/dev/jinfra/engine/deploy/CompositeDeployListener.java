package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.inventory.Host;
import java.util.List;
import java.util.function.Consumer;

/** Forwards a deploy's events to several listeners in order; one that throws does not silence the others. */
final class CompositeDeployListener implements DeployListener {
    private final List<DeployListener> listeners;

    CompositeDeployListener(List<DeployListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<DeployListener> event) {
        for (DeployListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                System.getLogger("jinfra").log(System.Logger.Level.WARNING, "deploy listener failed", e);
            }
        }
    }

    @Override
    public void runStarted(List<Host> hosts) {
        each(l -> l.runStarted(hosts));
    }

    @Override
    public void batchStarted(int number, int batches, List<Host> hosts) {
        each(l -> l.batchStarted(number, batches, hosts));
    }

    @Override
    public void hostConnecting(Host host) {
        each(l -> l.hostConnecting(host));
    }

    @Override
    public void hostConnected(Host host) {
        each(l -> l.hostConnected(host));
    }

    @Override
    public void unreachable(Host host, String why) {
        each(l -> l.unreachable(host, why));
    }

    @Override
    public void sessionsWaiting(int hosts) {
        each(l -> l.sessionsWaiting(hosts));
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
    public void operationStarted(int number, int total, PlannedOperation operation) {
        each(l -> l.operationStarted(number, total, operation));
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
