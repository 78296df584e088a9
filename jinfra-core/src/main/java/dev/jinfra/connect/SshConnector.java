package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens SSH sessions with one shared MINA {@link SshClient} for the whole run: one session per host, a channel
 * per command. Sessions stay open until their {@link Connection} is closed, so later commands on the same host
 * skip the handshake.
 */
public final class SshConnector implements Connector {
    static final AttributeRepository.AttributeKey<SshSettings> SETTINGS = new AttributeRepository.AttributeKey<>();
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);

    private final SshClient client;
    private final SshConfigFile sshConfig;
    private final KeyFiles keyFiles;
    private final Semaphore handshakes;
    private final Semaphore sessions;
    private final Map<String, SshSettings> settingsCache = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;

    public SshConnector(ConnectionPolicy policy, SshConfigFile sshConfig, PassphraseSource passphrases, Consumer<String> warnings) {
        this.sshConfig = sshConfig;
        this.keyFiles = new KeyFiles(passphrases);
        this.handshakes = new Semaphore(policy.maxHandshakes());
        this.sessions = new Semaphore(policy.maxSessions());
        this.warnings = warnings;
        this.client = SshClient.setUpDefaultClient();
        // Pooled sessions must outlive pauses between operations: no idle timeout, a keepalive instead.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, KEEPALIVE);
        // jinfra resolves ssh_config itself (MINA's resolver throws on Match and lacks Include).
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        // Identities are added per session from the host's settings; never MINA's implicit ~/.ssh scan.
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setServerKeyVerifier(new KnownHostsCheck());
        SshAgentClient.fromEnvironment().ifPresent(client::setAgentFactory);
        client.addSessionListener(new KexPreference(client.getKeyExchangeFactories()));
        client.start();
    }

    public SshConnector() {
        this(ConnectionPolicy.defaults(), SshConfigFile.EMPTY, PassphraseSource.NONE, w -> {});
    }

    /** Settings for a host; throws IllegalArgumentException for malformed host data. */
    public SshSettings settings(Host host) {
        return settingsCache.computeIfAbsent(host.name(), n -> SshSettings.resolve(host, sshConfig));
    }

    @Override
    public Connection connect(Host host) throws UnreachableException {
        SshSettings s = settings(host);
        try {
            sessions.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(UnreachableException.Reason.INTERRUPTED, "interrupted");
        }
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return new SshConnection(host, openWithHandshakePermit(s), sessions::release);
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
    private static void backOff(int attempt) throws UnreachableException {
        long capMillis = Math.min(10_000, 500L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(capMillis / 2, capMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(UnreachableException.Reason.INTERRUPTED, "interrupted");
        }
    }

    private ClientSession openWithHandshakePermit(SshSettings s) throws UnreachableException {
        try {
            handshakes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(UnreachableException.Reason.INTERRUPTED, "interrupted");
        }
        try {
            return open(s);
        } finally {
            handshakes.release();
        }
    }

    private ClientSession open(SshSettings s) throws UnreachableException {
        List<KeyPair> keys = new ArrayList<>();
        for (var file : s.keyFiles()) {
            keys.addAll(keyFiles.load(file, s.keyPassphraseEnv()));
        }
        long deadline = System.nanoTime() + s.connectTimeout().toNanos();
        var entry = new HostConfigEntry(s.address(), s.address(), s.port(), s.user(), s.proxyJump());
        ConnectFuture connecting;
        try {
            connecting = client.connect(entry, AttributeRepository.ofKeyValuePair(SETTINGS, s), null);
        } catch (IOException | RuntimeException e) {
            throw unreachable(s, e);
        }
        try {
            if (!connecting.await(remaining(deadline))) {
                connecting.cancel();
                throw new UnreachableException(UnreachableException.Reason.TIMEOUT,
                        "connect to " + s.displayAddress() + " timed out after " + s.connectTimeout().toSeconds() + "s");
            }
        } catch (IOException e) {
            throw unreachable(s, e);
        }
        if (connecting.getException() != null) {
            throw unreachable(s, connecting.getException());
        }
        ClientSession session = connecting.getSession();
        keys.forEach(session::addPublicKeyIdentity);
        if (s.password() != null) {
            session.addPasswordIdentity(s.password());
        }
        try {
            AuthFuture auth = session.auth();
            if (!auth.await(remaining(deadline))) {
                session.close(true);
                throw new UnreachableException(UnreachableException.Reason.TIMEOUT,
                        "SSH handshake with " + s.displayAddress() + " timed out after " + s.connectTimeout().toSeconds() + "s");
            }
            if (!auth.isSuccess()) {
                session.close(true);
                String refusal = session.getAttribute(KnownHostsCheck.REFUSAL);
                if (refusal != null) {
                    var reason = refusal.startsWith("host key changed") ? UnreachableException.Reason.HOST_KEY_CHANGED
                            : UnreachableException.Reason.HOST_KEY_UNKNOWN;
                    throw new UnreachableException(reason, refusal);
                }
                throw authFailure(s, auth.getException());
            }
            return session;
        } catch (IOException e) {
            session.close(true);
            throw unreachable(s, e);
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }

    private static UnreachableException authFailure(SshSettings s, Throwable cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        if (cause != null && !(cause.getMessage() != null && cause.getMessage().contains("No more authentication methods"))) {
            // The session died during key exchange or authentication for another reason than refused credentials.
            return new UnreachableException(UnreachableException.Reason.NETWORK,
                    "SSH session with " + s.displayAddress() + " failed" + detail, cause);
        }
        return new UnreachableException(UnreachableException.Reason.AUTH_FAILED,
                "authentication failed for " + s.user() + "@" + s.displayAddress() + detail, cause);
    }

    private static UnreachableException unreachable(SshSettings s, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = s.displayAddress();
        if (root instanceof ConnectException) {
            return new UnreachableException(UnreachableException.Reason.REFUSED, "connection to " + where + " refused", e);
        }
        if (root instanceof UnknownHostException) {
            return new UnreachableException(UnreachableException.Reason.UNKNOWN_HOST, "unknown host " + s.address(), e);
        }
        if (root instanceof SocketTimeoutException) {
            return new UnreachableException(UnreachableException.Reason.TIMEOUT, "connect to " + where + " timed out", e);
        }
        if (root instanceof NoRouteToHostException) {
            return new UnreachableException(UnreachableException.Reason.NETWORK, "no route to " + where, e);
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new UnreachableException(UnreachableException.Reason.NETWORK, "cannot connect to " + where + ": " + msg, e);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException e) {
            warnings.accept("closing the SSH client: " + e.getMessage());
        }
    }

    /**
     * Applies a host's {@code ssh_kex_algorithms} before its key exchange starts. Only reorders and filters
     * what MINA offers by default; an unknown name fails the session with a clear message.
     */
    private static final class KexPreference implements SessionListener {
        private final List<KeyExchangeFactory> available;

        KexPreference(List<KeyExchangeFactory> available) {
            this.available = List.copyOf(available);
        }

        @Override
        public void sessionEstablished(Session session) {
            if (!(session instanceof ClientSession cs) || cs.getConnectionContext() == null) {
                return;
            }
            SshSettings s = cs.getConnectionContext().getAttribute(SETTINGS);
            if (s == null || s.kexAlgorithms().isEmpty()) {
                return;
            }
            List<KeyExchangeFactory> chosen = new ArrayList<>();
            for (String name : s.kexAlgorithms()) {
                available.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(chosen::add);
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("none of the key exchange algorithms " + s.kexAlgorithms()
                        + " is supported; supported: " + available.stream().map(KeyExchangeFactory::getName).toList());
            }
            cs.setKeyExchangeFactories(chosen);
        }
    }
}
