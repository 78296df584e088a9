package dev.jinfra.engine;

import dev.jinfra.connect.OutputListener;
import dev.jinfra.inventory.Host;
import java.util.List;
import java.util.function.Consumer;

/**
 * Forwards events to several listeners, shielding each from the others' mistakes. Deploy listeners extend it
 * with their own events.
 */
public class CompositeRunListener<L extends RunListener> implements RunListener {
    private final List<L> listeners;

    protected CompositeRunListener(List<L> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    protected final void each(Consumer<L> event) {
        for (L l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                // A listener broke its contract; the run and the other listeners go on.
                System.getLogger("jinfra").log(System.Logger.Level.WARNING, "run listener failed", e);
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
    public void sessionsWaiting(int hosts) {
        each(l -> l.sessionsWaiting(hosts));
    }

    @Override
    public void hostOutput(Host host, OutputListener.Stream stream, String line) {
        each(l -> l.hostOutput(host, stream, line));
    }

    @Override
    public void hostFinished(HostResult result) {
        each(l -> l.hostFinished(result));
    }

    @Override
    public void runFinished(RunSummary summary) {
        each(l -> l.runFinished(summary));
    }
}
