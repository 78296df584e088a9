package dev.jinfra.connect;

import dev.jinfra.connect.KnownHostsFile.Line;
import java.io.File;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Checks server host keys against known_hosts files, per host, by the mode in that host's settings, with
 * OpenSSH's rules: a key is known when a line for the host has it, changed when a line for the host has
 * another key of the same type, and unknown otherwise (a host may have several keys, one per type). Why a key
 * was refused is kept on the attempt so the connector can tell the user (each needs a different action).
 *
 * <p>As a session listener it also orders each session's host key algorithms so that the types known for the
 * host come first, as OpenSSH does: otherwise a server with an ecdsa and an ed25519 key, known by its ed25519
 * key, would be asked for its ecdsa key, which no line vouches for.
 */
final class KnownHostsCheck implements ServerKeyVerifier, SessionListener {
    private final Map<Path, KnownHostsFile> files = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;
    private final KnownHostsRecorder recorder = new KnownHostsRecorder();
    private final List<Path> globalFiles;

    /** Where the system-wide files are, for tests and unusual installs: paths separated by the path separator. */
    static final String GLOBAL_FILES_PROPERTY = "jinfra.ssh.globalKnownHostsFiles";

    KnownHostsCheck(Consumer<String> warnings) {
        this.warnings = warnings;
        String global = System.getProperty(
                GLOBAL_FILES_PROPERTY, "/etc/ssh/ssh_known_hosts" + File.pathSeparator + "/etc/ssh/ssh_known_hosts2");
        this.globalFiles = Arrays.stream(global.split(File.pathSeparator))
                .filter(p -> !p.isBlank())
                .map(Path::of)
                .toList();
    }

    static ConnectAttempt attempt(ClientSession session) {
        AttributeRepository context = session.getConnectionContext();
        return context == null ? null : context.getAttribute(ConnectAttempt.KEY);
    }

    /** Runs before the session sends its KEXINIT, whose host key algorithms come from the session's list. */
    @Override
    public void sessionCreated(Session session) {
        ConnectAttempt attempt = session instanceof ClientSession cs ? attempt(cs) : null;
        if (attempt == null) {
            return;
        }
        Set<String> known = lookup(attempt).stream()
                .map(l -> KeyUtils.getCanonicalKeyType(l.entry().getKeyEntry().getKeyType()))
                .collect(Collectors.toSet());
        if (known.isEmpty()) {
            return;
        }
        List<NamedFactory<Signature>> first = new ArrayList<>();
        List<NamedFactory<Signature>> rest = new ArrayList<>();
        for (NamedFactory<Signature> f : session.getSignatureFactories()) {
            (known.contains(KeyUtils.getCanonicalKeyType(f.getName())) ? first : rest).add(f);
        }
        first.addAll(rest);
        session.setSignatureFactories(first);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        ConnectAttempt attempt = attempt(session);
        if (attempt == null) {
            // Not opened by SshConnector: no policy to apply, so nothing is trusted.
            return false;
        }
        Verdict verdict = judge(attempt, key, lookup(attempt));
        if (attempt.settings.hostKeyChecking() == HostKeyChecking.NO) {
            // Checking is off for this host on purpose, so the session goes ahead, unrecorded; but a key
            // known_hosts contradicts may be someone else's machine, which gets no password (as OpenSSH).
            if (verdict == Verdict.REFUSED) {
                warnings.accept(attempt.displayAddress() + ": " + attempt.refusalText()
                        + "; connecting anyway (ssh_strict_host_key_checking=no), without offering a password");
                attempt.withholdSecrets();
            }
            return true;
        }
        return switch (verdict) {
            case KNOWN -> true;
            case REFUSED -> false;
            case UNKNOWN -> unknown(attempt, key);
        };
    }

    /** What known_hosts says of a key. */
    enum Verdict {
        KNOWN,
        REFUSED,
        UNKNOWN
    }

    /** Judges {@code key} by the host's {@code lines}; a refusal is set on the attempt. */
    private static Verdict judge(ConnectAttempt attempt, PublicKey key, List<Line> lines) {
        for (Line line : lines) {
            if ("revoked".equals(line.entry().getMarker()) && revokes(line.key(), key)) {
                attempt.refuse(
                        "host key of " + attempt.displayAddress() + " is marked @revoked in " + line.where() + " ("
                                + KeyUtils.getFingerPrint(key) + ")",
                        UnreachableException.Reason.HOST_KEY_REVOKED);
                return Verdict.REFUSED;
            }
        }
        if (key instanceof OpenSshCertificate cert) {
            // A host certificate is vouched for by a @cert-authority line with the key that signed it.
            boolean trusted = lines.stream()
                    .anyMatch(l -> "cert-authority".equals(l.entry().getMarker())
                            && KeyUtils.compareKeys(l.key(), cert.getCaPubKey()));
            return trusted ? Verdict.KNOWN : Verdict.UNKNOWN;
        }
        List<Line> plain = KnownHostsFile.plain(lines);
        if (plain.stream().anyMatch(l -> KeyUtils.compareKeys(l.key(), key))) {
            return Verdict.KNOWN;
        }
        String type = KeyUtils.getCanonicalKeyType(KeyUtils.getKeyType(key));
        for (Line line : plain) {
            if (type.equals(KeyUtils.getCanonicalKeyType(KeyUtils.getKeyType(line.key())))) {
                attempt.refuse(changedMessage(line, key), UnreachableException.Reason.HOST_KEY_CHANGED);
                return Verdict.REFUSED;
            }
        }
        return Verdict.UNKNOWN;
    }

    static String changedMessage(Line line, PublicKey key) {
        return "host key changed: known_hosts has " + KeyUtils.getFingerPrint(line.key())
                + ", the server offers " + KeyUtils.getFingerPrint(key)
                + " (if the host was reinstalled, remove its old line " + line.where() + ")";
    }

    /** A revoked line names a key, or the CA key of a certificate. */
    private static boolean revokes(PublicKey revoked, PublicKey key) {
        return KeyUtils.compareKeys(revoked, key)
                || key instanceof OpenSshCertificate cert
                        && (KeyUtils.compareKeys(revoked, cert.getCaPubKey())
                                || KeyUtils.compareKeys(revoked, cert.getCertPubKey()));
    }

    /** No line of this key's type for the host: refused, or recorded with {@code accept-new}. */
    private boolean unknown(ConnectAttempt attempt, PublicKey key) {
        KnownHostsFile file = file(attempt.settings.knownHostsFile());
        if (attempt.settings.hostKeyChecking() != HostKeyChecking.ACCEPT_NEW) {
            attempt.refuse(
                    "host key unknown: not in " + file.path + " (no " + KeyUtils.getKeyType(key) + " key for "
                            + attempt.displayAddress() + "; add it, or accept new keys with --accept-new-host-keys)",
                    UnreachableException.Reason.HOST_KEY_UNKNOWN);
            return false;
        }
        // Judged again under the recorder's locks, with the file read again: sessions to the same new host (a
        // jump host shared by many targets) all found it unknown at once, and each appended its key.
        return recorder.record(attempt, file, key, () -> {
            file.forceReload();
            return judge(attempt, key, lookup(attempt));
        });
    }

    /**
     * The lines for a hop, under its own name only ({@code addr} or {@code [addr]:port}), as OpenSSH looks it
     * up: a line for the address it resolves to would vouch for whatever host answers there, and for a hop
     * reached through a jump host the socket's peer is a local forwarded port.
     */
    List<Line> lookup(ConnectAttempt attempt) {
        var own = new SshdSocketAddress(attempt.address(), attempt.port());
        List<Line> lines = new ArrayList<>();
        for (Path user : attempt.settings.knownHostsFiles()) {
            lines.addAll(file(user).lookup(own));
        }
        // The system-wide files count as OpenSSH counts them (a host pinned there is known, and another key of
        // its type is a changed key), but are never written: accept-new appends to the user's first file only.
        // The ssh config's GlobalKnownHostsFile replaces the default ones.
        List<Path> globals = attempt.settings.globalKnownHostsFiles() != null
                ? attempt.settings.globalKnownHostsFiles()
                : globalFiles;
        for (Path global : globals) {
            if (!attempt.settings.knownHostsFiles().contains(global)) {
                lines.addAll(file(global).lookup(own));
            }
        }
        return lines;
    }

    private KnownHostsFile file(Path path) {
        return files.computeIfAbsent(path, p -> new KnownHostsFile(p, warnings));
    }
}
