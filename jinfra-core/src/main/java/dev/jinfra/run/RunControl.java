package dev.jinfra.run;

import dev.jinfra.connect.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stops a run from outside (Ctrl-C): no new host starts, and open connections are closed so that commands in
 * flight end now instead of when they finish. The run still returns a complete summary.
 */
public final class RunControl {
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        for (Runnable r : onCancel) {
            r.run();
        }
        for (Connection c : open) {
            c.close();
        }
    }

    /** Runs {@code action} on cancel, or at once when the run is already cancelled. */
    void whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }

    void forget(Runnable action) {
        onCancel.remove(action);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void opened(Connection c) {
        open.add(c);
        if (cancelled) {
            // Cancelled while this one was connecting.
            c.close();
        }
    }

    void closed(Connection c) {
        open.remove(c);
    }
}
