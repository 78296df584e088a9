package dev.jinfra.engine.deploy;

import dev.jinfra.connect.Connection;
import dev.jinfra.engine.SessionWindow;
import dev.jinfra.inventory.Host;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The run locks of one batch's hosts: taken before a host's first operation when its proposal says it may
 * change (a run that changes nothing takes no lock and costs no round trip for it), given back when the host is
 * done, and given back by all hosts still holding one when the batch ends, also after Ctrl-C.
 */
final class RunLocks {
    /** What a script that gives the lock back prints once it has. */
    static final String GIVEN_BACK = "jinfra-lock-given-back";

    private final HostLock identity;
    private final LockPolicy policy;
    private final boolean dryRun;
    private final Map<Host, String> held = new ConcurrentHashMap<>();
    // Each locked host's command time limit, for giving its lock back within it too.
    private final Map<Host, java.time.Duration> timeouts = new ConcurrentHashMap<>();
    private final Set<String> mayChange = ConcurrentHashMap.newKeySet();
    private final Map<Host, Integer> commands;
    private final DeployListener listener;

    RunLocks(
            HostLock identity,
            LockPolicy policy,
            boolean dryRun,
            Map<Host, Integer> commands,
            DeployListener listener) {
        this.identity = identity;
        this.listener = listener;
        this.policy = policy;
        this.dryRun = dryRun;
        this.commands = commands;
    }

    /** The hosts the confirmed proposal says may change (by name). */
    void mayChange(Set<String> hosts) {
        mayChange.addAll(hosts);
    }

    /**
     * Takes the host's lock if it needs one and has none yet. Once taken, what was read of the host before may
     * have been changed by another run in between, so its facts are read again.
     *
     * @return why the host cannot go on (another run holds its lock), or null
     */
    String beforeWork(
            Host host,
            Connection session,
            HostFacts facts,
            java.util.function.BooleanSupplier cancelled,
            java.util.function.Supplier<HostFacts.Probe> reread) {
        if (!policy.enabled() || dryRun || !mayChange.contains(host.name()) || held.containsKey(host)) {
            return null;
        }
        commands.merge(host, 1, Integer::sum);
        timeouts.put(host, facts.commandTimeout());
        // The coming operations' facts are read again in the same exchange, right after the lock is taken.
        HostFacts.Probe probe = reread.get();
        HostLock.Taken taken = probe == null
                ? identity.take(session, policy, facts.commandTimeout(), cancelled)
                : identity.take(session, policy, facts.commandTimeout(), cancelled, probe.command(), probe.stdin());
        if (!taken.taken()) {
            mayChange.remove(host.name());
            return taken.refusal();
        }
        held.put(host, taken.directory());
        if (taken.broken() != null) {
            listener.lockBroken(host, taken.broken());
        }
        facts.forget();
        if (taken.then() != null) {
            try {
                probe.accept(taken.then());
            } catch (RuntimeException e) {
                // Read again when an operation needs them.
            }
        }
        return null;
    }

    /**
     * Shell text that gives the host's lock back, for the end of a script with its last changes, run as {@code
     * user}; null when the host holds none or when {@code user} may not be able to remove it (only the login user
     * who took it, or root, can).
     */
    String giveBackScript(Host host, FactUser user) {
        String dir = held.get(host);
        boolean able = user.equals(FactUser.LOGIN)
                || user.how() == dev.jinfra.command.Command.Escalation.SUDO && "root".equals(user.user());
        return dir == null || !able ? null : identity.giveBackScript(dir, GIVEN_BACK);
    }

    /** The host's script gave its lock back. */
    void givenBack(Host host) {
        held.remove(host);
    }

    /**
     * After the host came back from a reboot, its lock is taken again when it held one: a lock under
     * {@code /run/lock} is gone with the reboot, and another run could otherwise start changing the host beside
     * this one. A lock that survived (in {@code /tmp} or {@code /var/lock}) is still this run's and is kept.
     *
     * @throws IllegalStateException when another run took the host's lock meanwhile
     */
    void afterReconnect(Host host, Connection session, java.util.function.BooleanSupplier cancelled) {
        if (!held.containsKey(host) || session == null) {
            return;
        }
        commands.merge(host, 1, Integer::sum);
        HostLock.Taken taken = identity.take(session, policy, timeoutOf(host), cancelled);
        if (!taken.taken()) {
            held.remove(host);
            throw new IllegalStateException("after the reboot: " + taken.refusal());
        }
        held.put(host, taken.directory());
    }

    /** The host is done: its lock, if it holds one, is given back over its session. */
    void done(Host host, SessionWindow window) {
        String dir = held.remove(host);
        if (dir == null) {
            return;
        }
        try {
            commands.merge(host, 1, Integer::sum);
            if (!identity.giveBack(window.acquire(host), dir, timeoutOf(host))) {
                held.putIfAbsent(host, dir);
            }
        } catch (Exception e) {
            // No session now (the run stopped): the end of the batch gives it back.
            held.putIfAbsent(host, dir);
        }
    }

    private java.time.Duration timeoutOf(Host host) {
        return timeouts.getOrDefault(host, java.time.Duration.ZERO);
    }

    /** Gives back every lock still held, each over the host's open session or a new one. */
    void giveBackAll(SessionWindow window) {
        if (held.isEmpty()) {
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(Math.max(1, window.limit()));
            for (var e : Map.copyOf(held).entrySet()) {
                threads.submit(() -> {
                    room.acquireUninterruptibly();
                    Connection own = null;
                    try {
                        // The host's session may be gone or closed already (Ctrl-C closes every session to stop
                        // the commands in flight): then over a new one.
                        Connection c = window.current(e.getKey());
                        if (c == null || !identity.giveBack(c, e.getValue(), timeoutOf(e.getKey()))) {
                            own = window.connectorFor(e.getKey()).connect(e.getKey());
                            identity.giveBack(own, e.getValue(), timeoutOf(e.getKey()));
                        }
                        held.remove(e.getKey());
                    } catch (Exception ignored) {
                        // The lock stays; the next run explains who held it and offers --break-lock.
                    } finally {
                        if (own != null) {
                            own.close();
                        }
                        room.release();
                    }
                });
            }
        }
    }
}
