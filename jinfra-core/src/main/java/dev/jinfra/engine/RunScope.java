package dev.jinfra.engine;

import dev.jinfra.connect.Connector;
import dev.jinfra.inventory.Host;
import java.util.List;
import java.util.function.Function;

/**
 * What one run holds from start to end, the same for exec, facts and deploys: the gate hosts pass to start
 * (closed by a cancel), the failure tally against the policy's budget, and the session window. Closing it
 * closes every session still open.
 */
public final class RunScope implements AutoCloseable {
    private final List<Host> hosts;
    private final RunPolicy policy;
    private final RunControl control;
    private final RunListener listener;
    private final StartGate gate = new StartGate();
    private final Runnable closeGate = gate::close;
    private final FailureTally tally;
    private final SessionWindow window;

    public RunScope(
            List<Host> hosts,
            RunPolicy policy,
            Function<Host, Connector> connectors,
            RunControl control,
            RunListener listener) {
        this.hosts = hosts;
        this.policy = policy;
        this.control = control;
        this.listener = listener;
        control.whenCancelled(closeGate);
        this.tally = new FailureTally(policy.budget(), hosts.size());
        this.window = new SessionWindow(
                SessionWindow.limitFor(policy.sessionWindow(), hosts, connectors),
                connectors,
                control,
                gate,
                listener::sessionsWaiting);
    }

    /**
     * Runs the batches, telling the listener as each starts.
     *
     * @return why the run stopped early, or null when it went to the end
     */
    public String runBatches(Batches.Work work, Batches.NotStarted notStarted) {
        return Batches.run(
                hosts,
                policy,
                control,
                tally,
                (number, count, batch) -> {
                    listener.batchStarted(number, count, batch);
                    return work.run(number, count, batch);
                },
                notStarted);
    }

    public StartGate gate() {
        return gate;
    }

    public FailureTally tally() {
        return tally;
    }

    public SessionWindow window() {
        return window;
    }

    @Override
    public void close() {
        try {
            window.close();
        } finally {
            control.forget(closeGate);
        }
    }
}
