package dev.jinfra.connect;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Checks server host keys against known_hosts files, per host, by the mode in that host's settings. One
 * verifier per (file, mode) is shared by all hosts, so concurrent {@code accept-new} writes to one file go
 * through one lock and cannot interleave. Why a key was refused is kept on the session so the connector can
 * tell the user (an unknown key and a changed key need different actions).
 */
final class KnownHostsCheck implements ServerKeyVerifier {
    static final AttributeRepository.AttributeKey<String> REFUSAL = new AttributeRepository.AttributeKey<>();

    private record VerifierKey(Path file, boolean acceptNew) {}

    private final Map<VerifierKey, KnownHostsServerKeyVerifier> verifiers = new ConcurrentHashMap<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        SshSettings settings = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(SshConnector.SETTINGS);
        if (settings == null) {
            session.setAttribute(REFUSAL, "no host key policy for this session");
            return false;
        }
        if (settings.hostKeyChecking() == HostKeyChecking.NO) {
            // The user turned checking off for this host on purpose.
            return true;
        }
        boolean acceptNew = settings.hostKeyChecking() == HostKeyChecking.ACCEPT_NEW;
        var verifier = verifiers.computeIfAbsent(new VerifierKey(settings.knownHostsFile(), acceptNew),
                k -> new Verifier(k.file(), k.acceptNew()));
        return verifier.verifyServerKey(session, remote, key);
    }

    private static final class Verifier extends KnownHostsServerKeyVerifier {
        private final boolean acceptNew;

        Verifier(Path file, boolean acceptNew) {
            super((session, remote, key) -> acceptNew, file);
            this.acceptNew = acceptNew;
            setModifiedServerKeyAcceptor(Verifier::refuseChangedKey);
        }

        private static boolean refuseChangedKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                                PublicKey expected, PublicKey actual) {
            session.setAttribute(REFUSAL, "host key changed: known_hosts has " + KeyUtils.getFingerPrint(expected)
                    + ", the server offers " + KeyUtils.getFingerPrint(actual)
                    + " (if the host was reinstalled, remove its old line from known_hosts)");
            return false;
        }

        @Override
        protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
            if (!acceptNew) {
                session.setAttribute(REFUSAL, "host key unknown (" + KeyUtils.getFingerPrint(key) + "): not in "
                        + getPath() + "; add it, or use ssh_strict_host_key_checking=accept-new");
                return false;
            }
            return super.acceptUnknownHostKey(session, remote, key);
        }
    }
}
