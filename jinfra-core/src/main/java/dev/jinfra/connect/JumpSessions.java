package dev.jinfra.connect;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Shared connections to jump hosts. Every target behind the same jump host (same address, port, user and keys)
 * goes through one SSH connection to it, as a forwarded TCP connection (a {@code direct-tcpip} channel) of its
 * own: a thousand targets behind a bastion are one login there, not a thousand handshakes that its
 * {@code MaxStartups} would throttle. Past {@code targetsPerConnection} targets, another connection is opened.
 * A chain of jump hosts is shared hop by hop: the second hop's connection goes through the first one's.
 *
 * <p>A connection that cannot be opened fails every target waiting for it, and those that come within
 * {@link #FAILURE_KEPT} after, with the same error: a bastion that is down is asked once, not once per target. A connection that drops fails the targets
 * using it; the next target opens it again, once.
 */
final class JumpSessions {
    private static final int REOPENS_AFTER_DROP = 1;

    /**
     * How long a jump host that could not be reached fails the targets behind it without being asked again: the
     * targets of one run that start together get its answer, not a thousand connection attempts.
     */
    static final Duration FAILURE_KEPT = Duration.ofSeconds(5);

    /** A share of a jump host's connection; {@link #release} when the target's session is done with it. */
    record Lease(ClientSession session, String name, Runnable release) {}

    private static final class Shared {
        final CompletableFuture<ClientSession> ready = new CompletableFuture<>();
        int targets;

        boolean dropped() {
            return ready.isDone()
                    && !ready.isCompletedExceptionally()
                    && !ready.join().isOpen();
        }
    }

    private static final class Chain {
        final String name;
        final List<Shared> connections = new ArrayList<>();
        int targets;
        int opened;

        Chain(String name) {
            this.name = name;
        }

        UnreachableException failure;
        long failedAt;
        int reopens;
    }

    private final int targetsPerConnection;
    private final Map<String, Chain> chains = new HashMap<>();

    JumpSessions(int targetsPerConnection) {
        if (targetsPerConnection < 1) {
            throw new IllegalArgumentException(
                    "targets per jump host connection must be at least 1, not " + targetsPerConnection);
        }
        this.targetsPerConnection = targetsPerConnection;
    }

    /** A share of the connection to the last hop of {@code hops} (first hop first), opening it if needed. */
    Lease lease(HopClient client, List<ConnectAttempt> hops, long deadlineNanos) throws UnreachableException {
        String key = key(client, hops);
        Shared shared;
        boolean opener = false;
        synchronized (this) {
            Chain chain = chains.computeIfAbsent(key, k -> new Chain(names(hops)));
            chain.targets++;
            if (chain.failure != null) {
                if (System.nanoTime() - chain.failedAt < FAILURE_KEPT.toNanos()) {
                    throw chain.failure;
                }
                // Long enough ago that the jump host may be back: a connector that outlives one run (a library
                // user's) asks again.
                chain.failure = null;
            }
            long dropped = chain.connections.stream().filter(Shared::dropped).count();
            chain.connections.removeIf(Shared::dropped);
            chain.reopens += (int) dropped;
            shared = chain.connections.stream()
                    .filter(s -> s.targets < targetsPerConnection)
                    .findFirst()
                    .orElse(null);
            if (shared == null) {
                if (chain.reopens > REOPENS_AFTER_DROP) {
                    throw new UnreachableException(
                            UnreachableException.Reason.NETWORK,
                            describe(hops.getLast()) + ": the connection to it dropped and could not be kept");
                }
                shared = new Shared();
                chain.connections.add(shared);
                chain.opened++;
                opener = true;
            }
            shared.targets++;
        }
        if (opener) {
            try {
                shared.ready.complete(open(client, hops, deadlineNanos));
            } catch (UnreachableException e) {
                synchronized (this) {
                    // Interrupted or timed out is this caller's story; anything else is the jump host's.
                    if (e.reason() != UnreachableException.Reason.INTERRUPTED) {
                        chains.get(key).failure = e;
                        chains.get(key).failedAt = System.nanoTime();
                    }
                    chains.get(key).connections.remove(shared);
                }
                shared.ready.completeExceptionally(e);
            }
        }
        Shared mine = shared;
        try {
            ClientSession session = mine.ready.get(remainingNanos(deadlineNanos), TimeUnit.NANOSECONDS);
            return new Lease(session, names(hops), () -> release(mine));
        } catch (ExecutionException e) {
            release(mine);
            throw e.getCause() instanceof UnreachableException u
                    ? u
                    : new UnreachableException(
                            UnreachableException.Reason.NETWORK,
                            describe(hops.getLast()) + ": " + dev.jinfra.problem.Problems.inWords(e.getCause()));
        } catch (TimeoutException e) {
            release(mine);
            throw new UnreachableException(
                    UnreachableException.Reason.TIMEOUT, describe(hops.getLast()) + ": connect timed out");
        } catch (InterruptedException e) {
            release(mine);
            Thread.currentThread().interrupt();
            throw new UnreachableException(UnreachableException.Reason.INTERRUPTED, "interrupted");
        }
    }

    /**
     * Each chain of jump hosts used so far (its hops' names, first first), with how many leases it gave (the
     * targets behind it, and the later hops of longer chains) and how many connections it opened.
     */
    synchronized Map<String, int[]> usage() {
        Map<String, int[]> out = new java.util.LinkedHashMap<>();
        for (Chain c : chains.values()) {
            out.merge(c.name, new int[] {c.targets, c.opened}, (x, y) -> new int[] {x[0] + y[0], x[1] + y[1]});
        }
        return out;
    }

    private static String names(List<ConnectAttempt> hops) {
        return String.join(" -> ", hops.stream().map(h -> h.jumpHost.describe()).toList());
    }

    private synchronized void release(Shared shared) {
        shared.targets--;
    }

    /** Opens and authenticates the connection to the last hop, through the (shared) connection to the one before. */
    private ClientSession open(HopClient client, List<ConnectAttempt> hops, long deadlineNanos)
            throws UnreachableException {
        ConnectAttempt hop = hops.getLast();
        Lease before = null;
        ExplicitPortForwardingTracker forward = null;
        ConnectFuture connecting;
        try {
            if (hops.size() == 1) {
                connecting = client.connectHop(hop);
            } else {
                before = lease(client, hops.subList(0, hops.size() - 1), deadlineNanos);
                forward = before.session()
                        .createLocalPortForwardingTracker(
                                SshdSocketAddress.LOCALHOST_ADDRESS, new SshdSocketAddress(hop.address(), hop.port()));
                connecting = client.connectVia(forward.getBoundAddress(), hop);
            }
            ClientSession session = await(connecting, hop, deadlineNanos);
            AuthFuture auth = session.auth();
            if (!auth.await(Duration.ofNanos(remainingNanos(deadlineNanos)))) {
                session.close(true);
                throw new UnreachableException(
                        UnreachableException.Reason.TIMEOUT, describe(hop) + ": SSH handshake timed out");
            }
            if (!auth.isSuccess()) {
                session.close(true);
                throw hop.refusedKey()
                        .orElseGet(() -> new UnreachableException(
                                UnreachableException.Reason.AUTH_FAILED,
                                describe(hop) + ": authentication failed for user " + hop.user()));
            }
            Lease through = before;
            ExplicitPortForwardingTracker forwarded = forward;
            session.addCloseFutureListener(f -> done(forwarded, through));
            if (through != null) {
                // The hop before it went away: this connection cannot outlive its forward.
                through.session().addCloseFutureListener(f -> session.close(true));
            }
            return session;
        } catch (InterruptedIOException e) {
            done(forward, before);
            Thread.currentThread().interrupt();
            throw new UnreachableException(UnreachableException.Reason.INTERRUPTED, "interrupted");
        } catch (IOException | RuntimeException e) {
            done(forward, before);
            throw hop.refusedKey()
                    .orElseGet(() -> new UnreachableException(
                            UnreachableException.Reason.NETWORK,
                            describe(hop) + ": " + dev.jinfra.problem.Problems.inWords(e),
                            e));
        } catch (UnreachableException e) {
            done(forward, before);
            throw e;
        }
    }

    private static ClientSession await(ConnectFuture connecting, ConnectAttempt hop, long deadlineNanos)
            throws IOException, UnreachableException {
        if (!connecting.await(Duration.ofNanos(remainingNanos(deadlineNanos)))) {
            connecting.cancel();
            throw new UnreachableException(UnreachableException.Reason.TIMEOUT, describe(hop) + ": connect timed out");
        }
        if (connecting.getException() != null) {
            Throwable e = connecting.getException();
            UnreachableException u = ConnectErrors.unreachable(hop.address(), e);
            throw hop.refusedKey()
                    .orElseGet(() -> new UnreachableException(u.reason(), describe(hop) + ": " + u.getMessage(), e));
        }
        return connecting.getSession();
    }

    private static void done(ExplicitPortForwardingTracker forward, Lease before) {
        if (forward != null) {
            try {
                forward.close();
            } catch (IOException | RuntimeException e) {
                // The session it forwarded through is closing too; nothing is left to undo.
            }
        }
        if (before != null) {
            before.release().run();
        }
    }

    private static String describe(ConnectAttempt hop) {
        return "jump host " + hop.jumpHost.describe();
    }

    /** What makes two chains the same: each hop's address, port, user and keys, and the client (its kex). */
    private static String key(HopClient client, List<ConnectAttempt> hops) {
        StringBuilder key = new StringBuilder().append(System.identityHashCode(client));
        for (ConnectAttempt hop : hops) {
            key.append('|')
                    .append(hop.user())
                    .append('@')
                    .append(hop.address())
                    .append(':')
                    .append(hop.port());
            for (KeyPair k : hop.keys) {
                key.append(',').append(KeyUtils.getFingerPrint(k.getPublic()));
            }
        }
        return key.toString();
    }

    private static long remainingNanos(long deadlineNanos) {
        return Math.max(1_000_000, deadlineNanos - System.nanoTime());
    }
}
