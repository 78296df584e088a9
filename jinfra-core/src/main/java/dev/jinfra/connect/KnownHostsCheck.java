package dev.jinfra.connect;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Checks server host keys against known_hosts files, per host, by the mode in that host's settings. One
 * verifier per (file, mode) is shared by all hosts, so concurrent {@code accept-new} writes to one file go
 * through one lock and cannot interleave. Why a key was refused is kept on the session so the connector can
 * tell the user (an unknown key and a changed key need different actions).
 */
final class KnownHostsCheck implements ServerKeyVerifier {
    private record VerifierKey(Path file, boolean acceptNew) {}

    private final Map<VerifierKey, KnownHostsServerKeyVerifier> verifiers = new ConcurrentHashMap<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        ConnectAttempt attempt = attempt(session);
        if (attempt == null) {
            // Not opened by SshConnector: no policy to apply, so nothing is trusted.
            return false;
        }
        SshSettings settings = attempt.settings;
        if (settings.hostKeyChecking() == HostKeyChecking.NO) {
            // The user turned checking off for this host on purpose.
            return true;
        }
        boolean acceptNew = settings.hostKeyChecking() == HostKeyChecking.ACCEPT_NEW;
        var verifier = verifiers.computeIfAbsent(new VerifierKey(settings.knownHostsFile(), acceptNew),
                k -> new Verifier(k.file(), k.acceptNew()));
        return verifier.verifyServerKey(session, remote, key);
    }

    static ConnectAttempt attempt(ClientSession session) {
        AttributeRepository context = session.getConnectionContext();
        return context == null ? null : context.getAttribute(ConnectAttempt.KEY);
    }

    private static final class Verifier extends KnownHostsServerKeyVerifier {
        private static final long NEVER = Long.MIN_VALUE;
        private static final long RELOAD_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

        private final boolean acceptNew;
        private volatile KnownHostsIndex index;
        // Lines this verifier appended to the file, for indexes built from a load that may predate them.
        private final List<HostEntryPair> recorded = new CopyOnWriteArrayList<>();
        private final AtomicLong lastReloadCheck = new AtomicLong(NEVER);

        Verifier(Path file, boolean acceptNew) {
            super((session, remote, key) -> acceptNew, file);
            this.acceptNew = acceptNew;
            setModifiedServerKeyAcceptor(Verifier::refuseChangedKey);
        }

        private static boolean refuseChangedKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                                PublicKey expected, PublicKey actual) {
            attempt(session).refuse("host key changed: known_hosts has " + KeyUtils.getFingerPrint(expected)
                    + ", the server offers " + KeyUtils.getFingerPrint(actual)
                    + " (if the host was reinstalled, remove its old line from known_hosts)", true);
            return false;
        }

        @Override
        protected List<HostEntryPair> findKnownHostEntries(ClientSession session, SocketAddress remote,
                                                           Collection<HostEntryPair> knownHosts) {
            Collection<HostEntryPair> loaded = knownHosts == null ? List.of() : knownHosts;
            KnownHostsIndex current = index;
            if (current == null || !current.isFor(loaded)) {
                // Built once per loaded file: the first hosts of a run arrive here together.
                synchronized (this) {
                    current = index;
                    if (current == null || !current.isFor(loaded)) {
                        current = new KnownHostsIndex(loaded);
                        // Keys recorded since may not be in what was loaded; duplicates do no harm.
                        recorded.forEach(current::add);
                        index = current;
                    }
                }
            }
            return current.matching(resolveHostNetworkIdentities(session, remote));
        }

        /**
         * The names a hop's key may be listed under. A hop reached through a jump host is known only by its own
         * name: its socket's peer is a port the jump host forwarded on this machine, which MINA would look up too.
         */
        @Override
        protected Collection<SshdSocketAddress> resolveHostNetworkIdentities(ClientSession session, SocketAddress remote) {
            ConnectAttempt attempt = attempt(session);
            var own = new SshdSocketAddress(attempt.address(), attempt.port());
            if (attempt.forwarded) {
                return List.of(own);
            }
            Collection<SshdSocketAddress> names = new TreeSet<>(SshdSocketAddress.BY_HOST_AND_PORT);
            names.addAll(super.resolveHostNetworkIdentities(session, remote));
            names.add(own);
            return names;
        }

        /**
         * Looks at the file's modification time at most once a second instead of on every connection. The keys
         * this verifier records are put straight into the index, so the file need not be read again after each of
         * them: with {@code accept-new} on a new fleet, every connection re-read the whole growing file.
         */
        @Override
        public boolean checkReloadRequired() throws IOException {
            long now = System.nanoTime();
            long last = lastReloadCheck.get();
            if (last != NEVER && now - last < RELOAD_CHECK_NANOS) {
                return false;
            }
            lastReloadCheck.set(now);
            return super.checkReloadRequired();
        }

        @Override
        protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
            if (!acceptNew) {
                attempt(session).refuse("host key unknown: not in " + getPath()
                        + " (add it, or accept new keys with --accept-new-host-keys)", false);
                return false;
            }
            return record(attempt(session), key);
        }

        /**
         * Appends the host's key. MINA's own update races when many sessions learn keys at the same moment (lines
         * were lost in testing), so writes are serialised here within the process and with a file lock across
         * processes, and each is one append of a whole line.
         */
        private boolean record(ConnectAttempt attempt, PublicKey key) {
            Path file = getPath();
            synchronized (this) {
                try {
                    // Under the hop's own name: a jump host's key recorded as the target's made the target's
                    // own key look changed.
                    StringBuilder line = new StringBuilder(attempt.displayAddress()).append(' ');
                    PublicKeyEntry.appendPublicKeyEntry(line, key);
                    line.append('\n');
                    if (file.getParent() != null) {
                        Files.createDirectories(file.getParent());
                    }
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                         FileLock lock = ch.lock()) {
                        if (ch.size() > 0 && !endsWithNewline(file)) {
                            line.insert(0, '\n');
                        }
                        ch.write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)));
                    }
                    var pair = new HostEntryPair(KnownHostEntry.parseKnownHostEntry(line.toString().strip()), key);
                    recorded.add(pair);
                    KnownHostsIndex current = index;
                    if (current != null) {
                        current.add(pair);
                    }
                    return true;
                } catch (IOException e) {
                    attempt.refuse("cannot record host key in " + file + ": " + e.getMessage(), false);
                    return false;
                }
            }
        }

        private static boolean endsWithNewline(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, ch.size() - 1);
                return last.get(0) == '\n';
            }
        }
    }
}
