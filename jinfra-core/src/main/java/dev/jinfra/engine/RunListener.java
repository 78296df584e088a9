package dev.jinfra.engine;

import dev.jinfra.connect.OutputListener;
import dev.jinfra.inventory.Host;
import java.util.List;

/**
 * Hears everything a run does; progress displays, logs and JSON output are listeners. Methods are called from
 * many threads at once: implementations must be thread-safe, fast, and must not throw.
 */
public interface RunListener {
    default void runStarted(List<Host> hosts) {}

    /** A batch begins; {@code number} counts from 1. Runs without batches have one batch. */
    default void batchStarted(int number, int batches, List<Host> hosts) {}

    default void hostConnecting(Host host) {}

    default void hostConnected(Host host) {}

    /**
     * The number of hosts waiting for a place in the session window changed; 0 when none waits any more.
     * Hosts wait when more of them have work than sessions may be open at once.
     */
    default void sessionsWaiting(int hosts) {}

    default void hostOutput(Host host, OutputListener.Stream stream, String line) {}

    /** Called exactly once per targeted host, whatever its state. */
    default void hostFinished(HostResult result) {}

    default void runFinished(RunSummary summary) {}

    /** Listeners called in order; one that throws does not stop the others from hearing the event. */
    static RunListener all(List<RunListener> listeners) {
        return new CompositeRunListener<>(listeners);
    }
}
