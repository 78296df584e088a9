package dev.jinfra.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * Where a host passes from waiting to working. Until its connection is open a host has run nothing, so when
 * the run stops starting hosts (Ctrl-C, fail-fast) the gate closes and interrupts every host still
 * connecting: a host queued behind the connector's handshake limit, or sleeping before a connect retry,
 * ends at once as not started instead of connecting first and being thrown away afterwards.
 *
 * <p>A host is interrupted only between {@link #enter} and {@link #leave}, under this object's lock, so an
 * interrupt never reaches a host that is already running its work.
 */
public final class StartGate {
    private final Set<Thread> connecting = new HashSet<>();
    private boolean closed;

    /** @return false when the gate is closed: the host must not start */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        connecting.add(Thread.currentThread());
        return true;
    }

    /**
     * Called once connecting has ended, however it ended.
     *
     * @return false when the gate closed meanwhile: the host must not start its work, even if it connected
     */
    public synchronized boolean leave() {
        connecting.remove(Thread.currentThread());
        if (closed) {
            // The interrupt was meant for the connection attempt, which is over; the host's thread goes on to
            // report, and must not find its next wait cut short.
            Thread.interrupted();
            return false;
        }
        return true;
    }

    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Thread t : connecting) {
            t.interrupt();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
