package dev.jinfra.run;

import dev.jinfra.connect.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a run from outside (Ctrl-C): no new host starts, and open connections are closed so that commands in
 * flight end now instead of when they finish. The run still returns a complete summary.
 */
public final class RunControl {
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        for (Connection c : open) {
            c.close();
        }
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
