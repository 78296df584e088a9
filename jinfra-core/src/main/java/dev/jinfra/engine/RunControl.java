package dev.jinfra.engine;

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
    public void whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }

    public void forget(Runnable action) {
        onCancel.remove(action);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void opened(Connection c) {
        open.add(c);
        if (cancelled) {
            // Cancelled while this one was connecting.
            c.close();
        }
    }

    public void closed(Connection c) {
        open.remove(c);
    }

    /**
     * Waits {@code delay} (a pause between batches), in short steps so that a cancel ends the wait at once.
     *
     * @return false when the run was cancelled before or during the wait
     */
    public boolean pause(java.time.Duration delay) {
        long end = System.nanoTime() + delay.toNanos();
        while (!cancelled && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            }
        }
        return !cancelled;
    }
}
