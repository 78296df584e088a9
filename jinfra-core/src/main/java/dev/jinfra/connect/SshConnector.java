package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens SSH sessions with one shared MINA client ({@link HopClient}) for the whole run: one session per host, a
 * channel per command. Sessions stay open until their {@link Connection} is closed, so later commands on the
 * same host skip the handshake.
 */
public final class SshConnector implements Connector {
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);

    // One client for the whole run; a host that asks for its own key exchange list gets a client made for that
    // list (MINA fixes the proposal when a session is created, before any per-session hook could change it).
    /** Targets that share one connection to a jump host, unless told otherwise: far below channel limits seen. */
    public static final int DEFAULT_JUMP_TARGETS = 100;

    private final HopClient client;
    private final JumpSessions jumpSessions;
    // The jump host connection each open session goes through, to say so when it is lost.
    private final Map<ClientSession, JumpSessions.Lease> throughJumps = new ConcurrentHashMap<>();
    private final Map<List<String>, HopClient> kexClients = new ConcurrentHashMap<>();
    private final KnownHostsCheck knownHosts;
    private final SshAgentClient agent;
    // One shared sntrup761 key pair source for every client of this connector.
    private final List<KeyExchangeFactory> sntrupFactories = Sntrup761KeyReuse.factories();
    private final SshConfigFile sshConfig;
    private final KeyFiles keyFiles;
    private final Semaphore handshakes;
    private final Semaphore sessions;
    private final int maxSessions;
    private final Map<Host, SshSettings> settingsCache = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;
    private final Pause pause;
    private Boolean agentHoldsKeys;

    /** Waits between connect attempts; tests watch the waits through it. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private SshConnector(Builder b) {
        this.sshConfig = b.sshConfig;
        this.handshakes = new Semaphore(b.policy.maxHandshakes());
        this.sessions = new Semaphore(b.policy.maxSessions());
        this.maxSessions = b.policy.maxSessions();
        this.warnings = b.warnings;
        this.pause = b.pause;
        this.knownHosts = new KnownHostsCheck(b.warnings);
        Path agentSocket = b.agentSocket != null ? b.agentSocket : SshAgentClient.socketFromEnvironment();
        this.agent = agentSocket == null ? null : new SshAgentClient(agentSocket);
        this.keyFiles = new KeyFiles(b.passphrases, this::agentHoldsKeys, b.warnings);
        this.client = newClient(List.of());
        this.jumpSessions = new JumpSessions(b.jumpTargetsPerConnection);
    }

    private static final int SESSION_BUFFER_BYTES = 8 * 1024;

    private HopClient newClient(List<String> kex) {
        HopClient c =
                (HopClient) ClientBuilder.builder().factory(HopClient::new).build();
        // Pooled sessions must outlive pauses between operations: no idle timeout, a keepalive instead.
        CoreModuleProperties.IDLE_TIMEOUT.set(c, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(c, KEEPALIVE);
        // Commands are small request/response exchanges: Nagle's algorithm would hold each back by tens of ms.
        CoreModuleProperties.TCP_NODELAY.set(c, true);
        // Each open session keeps a read buffer and a packet buffer as large as the biggest packet it was sent:
        // 32 KiB each by default, about 64 MB at 1,000 hosts. Command output comes in small packets; 8 KiB
        // keeps large outputs and downloads flowing in more, smaller pieces.
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(c, SESSION_BUFFER_BYTES);
        CoreModuleProperties.MAX_PACKET_SIZE.set(c, (long) SESSION_BUFFER_BYTES);
        // jinfra resolves ssh_config itself, jump hosts included (MINA's resolver throws on Match and lacks
        // Include); HopClient never asks MINA's.
        c.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        // Identities come from each hop's connection context; never MINA's implicit ~/.ssh scan.
        c.setKeyIdentityProvider(session -> {
            ConnectAttempt a = session instanceof ClientSession cs ? KnownHostsCheck.attempt(cs) : null;
            return a == null ? List.of() : a.keys;
        });
        c.setPasswordIdentityProvider(session -> {
            ConnectAttempt a = session instanceof ClientSession cs ? KnownHostsCheck.attempt(cs) : null;
            return a == null || a.password() == null ? List.of() : List.of(a.password());
        });
        c.setServerKeyVerifier(knownHosts);
        // Orders each session's host key algorithms by the key types known_hosts has for that host.
        c.addSessionListener(knownHosts);
        if (agent != null) {
            c.setAgentFactory(agent);
        }
        List<KeyExchangeFactory> factories = withSharedSntrupKeys(c.getKeyExchangeFactories());
        c.setKeyExchangeFactories(kex.isEmpty() ? factories : chooseKex(factories, kex));
        c.start();
        // A key file's signature goes with its first request: one round trip less per connection. (MINA fills in
        // its list of methods when it starts.)
        c.setUserAuthFactories(SignedFirstPublicKeyAuth.replacingPublicKey(c.getUserAuthFactories()));
        return c;
    }

    /** MINA's list, in its order, with the sntrup761 hybrids replaced by ones that share key pairs (see there). */
    private List<KeyExchangeFactory> withSharedSntrupKeys(List<KeyExchangeFactory> defaults) {
        Map<String, KeyExchangeFactory> shared = new java.util.HashMap<>();
        for (KeyExchangeFactory f : sntrupFactories) {
            shared.put(f.getName(), f);
        }
        List<KeyExchangeFactory> out = new ArrayList<>(defaults.size());
        for (KeyExchangeFactory f : defaults) {
            out.add(shared.getOrDefault(f.getName(), f));
        }
        return out;
    }

    /** Orders and filters MINA's key exchanges by a host's {@code ssh_kex_algorithms}, like OpenSSH's KexAlgorithms. */
    private static List<KeyExchangeFactory> chooseKex(List<KeyExchangeFactory> available, List<String> wanted) {
        List<KeyExchangeFactory> chosen = new ArrayList<>();
        for (String name : wanted) {
            // OpenSSH spells some names with and some without "@openssh.com" across versions; take either.
            String bare =
                    name.endsWith("@openssh.com") ? name.substring(0, name.length() - "@openssh.com".length()) : name;
            available.stream()
                    .filter(f -> f.getName().equals(name)
                            || f.getName().equals(bare)
                            || f.getName().equals(bare + "@openssh.com"))
                    .findFirst()
                    .filter(f -> !chosen.contains(f))
                    .ifPresent(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("none of the key exchange algorithms " + wanted
                    + " is supported; supported: "
                    + available.stream().map(KeyExchangeFactory::getName).toList());
        }
        return chosen;
    }

    private HopClient clientFor(SshSettings s) {
        return s.kexAlgorithms().isEmpty() ? client : kexClients.computeIfAbsent(s.kexAlgorithms(), this::newClient);
    }

    public static Builder builder() {
        awaitPreload();
        return new Builder();
    }

    // Set once by preload(); builder() waits for it, so no other thread is part-way through MINA's static set-up
    // when this one starts using MINA (two threads initialising MINA's classes from different ends could block
    // each other).
    private static volatile Thread preloading;

    /**
     * Starts MINA's algorithm tables and Bouncy Castle's provider registration (about a tenth of a second of
     * start-up) on a background thread, so the caller can parse its command line and inventory meanwhile. The
     * next {@link #builder()} waits for it. Calling it when no SSH connection follows only costs that work.
     */
    public static synchronized void preload() {
        if (preloading == null) {
            preloading = Thread.ofPlatform().daemon().name("jinfra-ssh-preload").start(() -> {
                try {
                    Sntrup761KeyReuse.factories();
                } catch (RuntimeException | LinkageError e) {
                    // The same set-up runs again on the caller's thread and reports its own failure there.
                }
            });
        }
    }

    private static void awaitPreload() {
        Thread t = preloading;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Settings for a connector; every one has a default. */
    public static final class Builder {
        private ConnectionPolicy policy = ConnectionPolicy.defaults();
        private SshConfigFile sshConfig = SshConfigFile.EMPTY;
        private PassphraseSource passphrases = PassphraseSource.NONE;
        private Consumer<String> warnings = w -> {};
        private Path agentSocket;
        private Pause pause = d -> Thread.sleep(d);
        private int jumpTargetsPerConnection = DEFAULT_JUMP_TARGETS;

        /**
         * How many targets share one connection to a jump host before another is opened (each target is a
         * forwarded channel on it; a jump host's sshd may limit channels per connection).
         */
        public Builder jumpTargetsPerConnection(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("jump host targets per connection must be at least 1, not " + n);
            }
            this.jumpTargetsPerConnection = n;
            return this;
        }

        public Builder policy(ConnectionPolicy p) {
            this.policy = p;
            return this;
        }

        public Builder sshConfig(SshConfigFile c) {
            this.sshConfig = c;
            return this;
        }

        public Builder passphrases(PassphraseSource p) {
            this.passphrases = p;
            return this;
        }

        public Builder warnings(Consumer<String> w) {
            this.warnings = w;
            return this;
        }

        /** The ssh-agent socket; default: {@code SSH_AUTH_SOCK}. */
        public Builder agentSocket(Path socket) {
            this.agentSocket = socket;
            return this;
        }

        Builder pause(Pause p) {
            this.pause = p;
            return this;
        }

        public SshConnector build() {
            return new SshConnector(this);
        }
    }

    /** Settings for a host; throws IllegalArgumentException for malformed host data. */
    /**
     * How the jump hosts were used so far, one line each: {@code bastion (10.0.0.5): 199 targets over 2
     * connections}; empty when no host went through one.
     */
    public List<String> jumpHostUsage() {
        List<String> lines = new ArrayList<>();
        jumpSessions
                .usage()
                .forEach((chain, n) -> lines.add(chain + ": " + n[0] + (n[0] == 1 ? " target" : " targets") + " over "
                        + n[1] + (n[1] == 1 ? " connection" : " connections")));
        return lines;
    }

    /** The jump hosts a host is reached through, first hop first, as messages name them; empty for none. */
    public List<String> jumpHostsOf(Host host) {
        return settings(host).jumpHosts().stream().map(JumpHost::describe).toList();
    }

    public SshSettings settings(Host host) {
        return settingsCache.computeIfAbsent(host, h -> {
            SshSettings s = SshSettings.resolve(h, sshConfig);
            try {
                // Made now so that an unknown key exchange name is a usage error before any host is touched.
                clientFor(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("host " + h.name() + ": ssh_kex_algorithms: " + e.getMessage(), e);
            }
            return s;
        });
    }

    @Override
    public int sessionLimit() {
        return maxSessions;
    }

    @Override
    public Connection connect(Host host) throws UnreachableException {
        SshSettings s = settings(host);
        acquire(sessions);
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    ClientSession session = openWithHandshakePermit(s);
                    JumpSessions.Lease through = throughJumps.get(session);
                    return new SshConnection(
                            host,
                            session,
                            () -> through == null || through.session().isOpen()
                                    ? null
                                    : "the connection to jump host " + through.name() + " was lost",
                            sessions::release);
                } catch (UnreachableException e) {
                    if (!e.reason().retryable() || attempt >= s.connectRetries()) {
                        throw e;
                    }
                    backOff(attempt);
                }
            }
        } catch (UnreachableException | RuntimeException e) {
            sessions.release();
            throw e;
        }
    }

    /** Full jitter: a thousand hosts refused at once do not all come back at the same instant. */
    private void backOff(int attempt) throws UnreachableException {
        long capMillis = Math.min(10_000, 500L << Math.min(attempt, 5));
        try {
            pause.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(capMillis / 2, capMillis + 1)));
        } catch (InterruptedException e) {
            throw ConnectErrors.interrupted();
        }
    }

    /** Waits for a permit; being interrupted while waiting means the run is stopping. */
    private static void acquire(Semaphore permits) throws UnreachableException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw ConnectErrors.interrupted();
        }
    }

    private ClientSession openWithHandshakePermit(SshSettings s) throws UnreachableException {
        acquire(handshakes);
        try {
            return open(s);
        } finally {
            handshakes.release();
        }
    }

    /** One attempt per hop, each with its own keys: a jump host's IdentityFile from the config, or the target's. */
    private ConnectAttempt attempt(SshSettings s) throws UnreachableException {
        List<KeyPair> keys = keyFiles.load(s.keyFiles(), s.implicitKeys(), s.keyPassphraseEnv());
        List<ConnectAttempt> jumps = new ArrayList<>();
        for (JumpHost hop : s.jumpHosts()) {
            List<KeyPair> hopKeys = hop.keyFiles().equals(s.keyFiles())
                    ? keys
                    : keyFiles.load(hop.keyFiles(), hop.implicitKeys(), s.keyPassphraseEnv());
            jumps.add(ConnectAttempt.jump(s, hop, hopKeys, jumps.isEmpty()));
        }
        return ConnectAttempt.target(s, keys, jumps);
    }

    /** Asked at most once per run, and only when a default key needs a passphrase (see {@link KeyFiles}). */
    private synchronized boolean agentHoldsKeys() {
        if (agentHoldsKeys == null) {
            agentHoldsKeys = agent != null && agent.holdsKeys();
        }
        return agentHoldsKeys;
    }

    private ClientSession open(SshSettings s) throws UnreachableException {
        long deadline = System.nanoTime() + s.connectTimeout().toNanos();
        ConnectAttempt attempt = attempt(s);
        if (attempt.jumps.isEmpty()) {
            ConnectFuture connecting;
            try {
                connecting = clientFor(s).connect(attempt);
            } catch (IOException | RuntimeException e) {
                throw ConnectErrors.unreachable(s, e);
            }
            return openedAndAuthenticated(s, attempt, connecting, deadline);
        }
        // Through the jump hosts' shared connections: a forwarded port of the last hop's for this target alone.
        JumpSessions.Lease lease = jumpSessions.lease(clientFor(s), attempt.jumps, deadline);
        ExplicitPortForwardingTracker forward = null;
        try {
            forward = lease.session()
                    .createLocalPortForwardingTracker(
                            SshdSocketAddress.LOCALHOST_ADDRESS,
                            new SshdSocketAddress(attempt.address(), attempt.port()));
            ClientSession session = openedAndAuthenticated(
                    s, attempt, clientFor(s).connectVia(forward.getBoundAddress(), attempt), deadline);
            ExplicitPortForwardingTracker forwarded = forward;
            throughJumps.put(session, lease);
            session.addCloseFutureListener(f -> {
                throughJumps.remove(session);
                endForward(forwarded, lease);
            });
            // A bastion that goes away takes its targets' sessions with it at once, not at their next read.
            lease.session().addCloseFutureListener(f -> session.close(true));
            return session;
        } catch (IOException | RuntimeException e) {
            endForward(forward, lease);
            throw ConnectErrors.unreachable(s, e);
        } catch (UnreachableException e) {
            endForward(forward, lease);
            throw e;
        }
    }

    private static void endForward(ExplicitPortForwardingTracker forward, JumpSessions.Lease lease) {
        if (forward != null) {
            try {
                forward.close();
            } catch (IOException | RuntimeException e) {
                // The jump host's session is closing too; nothing is left to undo.
            }
        }
        lease.release().run();
    }

    private ClientSession openedAndAuthenticated(
            SshSettings s, ConnectAttempt attempt, ConnectFuture connecting, long deadline)
            throws UnreachableException {
        try {
            if (!connecting.await(remaining(deadline))) {
                connecting.cancel();
                throw new UnreachableException(
                        UnreachableException.Reason.TIMEOUT,
                        "connect timed out after " + s.connectTimeout().toSeconds() + "s");
            }
        } catch (InterruptedIOException e) {
            // The run stopped starting hosts: give up this connection, and close it should it still come up.
            connecting.cancel();
            connecting.addListener(f -> {
                if (f.getSession() != null) {
                    f.getSession().close(true);
                }
            });
            throw ConnectErrors.interrupted();
        } catch (IOException e) {
            throw ConnectErrors.unreachable(s, e);
        }
        if (connecting.getException() != null) {
            throw attempt.refusedKey().orElseGet(() -> ConnectErrors.unreachable(s, connecting.getException()));
        }
        ClientSession session = connecting.getSession();
        try {
            AuthFuture auth = session.auth();
            if (!auth.await(remaining(deadline))) {
                session.close(true);
                throw new UnreachableException(
                        UnreachableException.Reason.TIMEOUT,
                        "SSH handshake timed out after " + s.connectTimeout().toSeconds() + "s");
            }
            if (!auth.isSuccess()) {
                session.close(true);
                throw attempt.refusedKey()
                        .orElseGet(() -> ConnectErrors.authFailure(
                                s, auth.getException(), ConnectErrors.offered(s, attempt, agent != null)));
            }
            return session;
        } catch (InterruptedIOException e) {
            session.close(true);
            throw ConnectErrors.interrupted();
        } catch (IOException e) {
            session.close(true);
            throw attempt.refusedKey().orElseGet(() -> ConnectErrors.unreachable(s, e));
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }

    @Override
    public void close() {
        List<HopClient> all = new ArrayList<>(kexClients.values());
        all.add(client);
        for (HopClient c : all) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                warnings.accept("closing the SSH client: " + e.getMessage());
            }
        }
    }
}
