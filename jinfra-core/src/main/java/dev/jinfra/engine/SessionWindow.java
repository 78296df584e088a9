package dev.jinfra.engine;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The sessions of a run: a host's session is opened when its work starts and kept while the host may need it
 * again, and at most {@code limit} are open at once. When the window is full, the session that has been idle
 * longest is closed to make room (its host opens a new one when its turn comes again); a host that finds no
 * idle session to take the place of waits, and the run's listener hears how many wait. So a run on more hosts
 * than the open-file limit allows sessions completes, where holding every session would wait forever.
 *
 * <p>Opening a session passes the run's {@link StartGate}: when the run stops starting hosts, hosts still
 * connecting or waiting for a place end at once as {@link Stopped}.
 */
public final class SessionWindow implements AutoCloseable {
    /** The run stopped starting hosts before this host's session was open. */
    public static final class Stopped extends Exception {
        public Stopped() {
            super("not started", null, false, false);
        }
    }

    private final int limit;
    private final Function<Host, Connector> connectors;
    private final RunControl control;
    private final StartGate gate;
    private final IntConsumer waitingChanged;

    private final Map<Host, Connection> open = new HashMap<>();
    private final Set<Host> busy = new java.util.HashSet<>();
    /** Open sessions no host is using now, the longest idle first. */
    private final LinkedHashSet<Host> idle = new LinkedHashSet<>();

    private int connecting;
    private int waiting;
    private int opened;

    /**
     * @param waitingChanged told the number of hosts waiting for a place whenever it changes
     */
    public SessionWindow(
            int limit,
            Function<Host, Connector> connectors,
            RunControl control,
            StartGate gate,
            IntConsumer waitingChanged) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        this.limit = limit;
        this.connectors = connectors;
        this.control = control;
        this.gate = gate;
        this.waitingChanged = waitingChanged;
    }

    /** The policy's window, within the fewest sessions any of the hosts' connectors allows open at once. */
    public static int limitFor(int window, List<Host> hosts, Function<Host, Connector> connectors) {
        int limit = window;
        Map<Connector, Boolean> seen = new java.util.IdentityHashMap<>();
        for (Host h : hosts) {
            Connector c = connectors.apply(h);
            if (seen.put(c, Boolean.TRUE) == null) {
                limit = Math.min(limit, c.sessionLimit());
            }
        }
        return Math.max(1, limit);
    }

    public int limit() {
        return limit;
    }

    /**
     * The host's open session, opening one when it has none; marks it in use until {@link #release} or
     * {@link #finish}.
     *
     * @throws UnreachableException when no session could be opened
     * @throws Stopped when the run stopped starting hosts first
     */
    public Connection acquire(Host host) throws UnreachableException, Stopped {
        if (control.isCancelled()) {
            // Its session, if it has one, is closed already: the run stopped.
            throw new Stopped();
        }
        Connection evicted = null;
        synchronized (this) {
            Connection c = open.get(host);
            if (c != null) {
                idle.remove(host);
                busy.add(host);
                return c;
            }
        }
        if (!gate.enter()) {
            throw new Stopped();
        }
        boolean reserved = false;
        try {
            synchronized (this) {
                boolean counted = false;
                try {
                    while (open.size() + connecting >= limit && idle.isEmpty()) {
                        if (!counted) {
                            counted = true;
                            waitingChanged.accept(++waiting);
                        }
                        wait();
                    }
                } catch (InterruptedException e) {
                    // The gate closed while this host waited for a place.
                    gate.leave();
                    throw new Stopped();
                } finally {
                    if (counted) {
                        waitingChanged.accept(--waiting);
                    }
                }
                if (open.size() + connecting >= limit) {
                    Host oldest = idle.iterator().next();
                    idle.remove(oldest);
                    evicted = open.remove(oldest);
                }
                connecting++;
                reserved = true;
            }
            if (evicted != null) {
                control.closed(evicted);
                evicted.close();
            }
            Connection c = connectors.apply(host).connect(host);
            synchronized (this) {
                connecting--;
                reserved = false;
                open.put(host, c);
                busy.add(host);
                opened++;
            }
            control.opened(c);
            if (!gate.leave()) {
                finish(host);
                throw new Stopped();
            }
            return c;
        } catch (UnreachableException e) {
            if (!gate.leave() && (e.reason() == UnreachableException.Reason.INTERRUPTED || control.isCancelled())) {
                // Stopped while it was still connecting: it never ran, whatever the connection did.
                throw new Stopped();
            }
            throw e;
        } catch (Stopped e) {
            throw e;
        } catch (RuntimeException e) {
            gate.leave();
            throw e;
        } finally {
            if (reserved) {
                synchronized (this) {
                    connecting--;
                    notifyAll();
                }
            }
        }
    }

    /** The host is done for now: its session stays open for its next turn, unless the place is needed. */
    public void release(Host host) {
        synchronized (this) {
            if (busy.remove(host) && open.containsKey(host)) {
                idle.add(host);
                notifyAll();
            }
        }
    }

    /** The host has no more work: its session is closed. */
    public void finish(Host host) {
        Connection c;
        synchronized (this) {
            busy.remove(host);
            idle.remove(host);
            c = open.remove(host);
            notifyAll();
        }
        if (c != null) {
            control.closed(c);
            c.close();
        }
    }

    /** A host connected again on its own (after a reboot): the new session takes the old one's place. */
    public void replace(Host host, Connection fresh) {
        Connection old;
        synchronized (this) {
            old = open.put(host, fresh);
        }
        control.opened(fresh);
        if (old != null && old != fresh) {
            control.closed(old);
            old.close();
        }
    }

    /** The connector for the host, to connect again on the host's own terms (after a reboot). */
    public Connector connectorFor(Host host) {
        return connectors.apply(host);
    }

    /** The host's open session, or null. */
    public synchronized Connection current(Host host) {
        return open.get(host);
    }

    /** Sessions opened so far, reopened ones included. */
    public synchronized int opened() {
        return opened;
    }

    @Override
    public void close() {
        List<Connection> all;
        synchronized (this) {
            all = new ArrayList<>(open.values());
            open.clear();
            idle.clear();
            busy.clear();
            notifyAll();
        }
        for (Connection c : all) {
            control.closed(c);
            c.close();
        }
    }
}
