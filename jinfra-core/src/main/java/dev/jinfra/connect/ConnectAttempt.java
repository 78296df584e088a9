package dev.jinfra.connect;

import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository;

/**
 * One attempt to open a session to one hop, the target host or one of its jump hosts, handed to MINA as that
 * session's connection context. It carries what the host key check and authentication need for that hop
 * alone: a jump host's key is checked and recorded under the jump host's own name, as OpenSSH does. It also
 * brings back why the check refused a key: MINA clears a session's own attributes when it closes, which is
 * exactly when the connector asks.
 */
final class ConnectAttempt {
    static final AttributeRepository.AttributeKey<ConnectAttempt> KEY = new AttributeRepository.AttributeKey<>();

    /** The target host's settings: its known_hosts file and checking mode apply to its jump hosts too. */
    final SshSettings settings;
    /** The jump host this attempt opens, or null for the target itself. */
    final JumpHost jumpHost;

    final List<KeyPair> keys;
    /** The target's password, never offered to a jump host: it would hand the secret to another machine. */
    final String password;
    /** The jump hosts' attempts, first hop first; empty for a jump host's own attempt. */
    final List<ConnectAttempt> jumps;
    /**
     * Whether MINA reaches this hop through a port forwarded by the hop before it: the socket's peer is then a
     * local port, and only the hop's own name identifies it.
     */
    final boolean forwarded;

    private volatile String refusal;
    private volatile UnreachableException.Reason refusalReason;

    private ConnectAttempt(
            SshSettings settings,
            JumpHost jumpHost,
            List<KeyPair> keys,
            String password,
            List<ConnectAttempt> jumps,
            boolean forwarded) {
        this.settings = settings;
        this.jumpHost = jumpHost;
        this.keys = List.copyOf(keys);
        this.password = password;
        this.jumps = List.copyOf(jumps);
        this.forwarded = forwarded;
    }

    static ConnectAttempt target(SshSettings settings, List<KeyPair> keys, List<ConnectAttempt> jumps) {
        return new ConnectAttempt(settings, null, keys, settings.password(), jumps, !jumps.isEmpty());
    }

    /** A jump host's attempt; every hop but the first is reached through the one before it. */
    static ConnectAttempt jump(SshSettings target, JumpHost hop, List<KeyPair> keys, boolean firstHop) {
        return new ConnectAttempt(target, hop, keys, null, List.of(), !firstHop);
    }

    String address() {
        return jumpHost != null ? jumpHost.address() : settings.address();
    }

    int port() {
        return jumpHost != null ? jumpHost.port() : settings.port();
    }

    String user() {
        return jumpHost != null ? jumpHost.user() : settings.user();
    }

    /** The name this hop's key is recorded under in known_hosts: {@code addr} or {@code [addr]:port}. */
    String displayAddress() {
        return jumpHost != null ? jumpHost.displayAddress() : settings.displayAddress();
    }

    private volatile boolean secretsWithheld;

    /** The password this hop may be offered: none once its host key was found changed or revoked. */
    String password() {
        return secretsWithheld ? null : password;
    }

    /**
     * The key was accepted although known_hosts contradicts it: a refusal set while judging it no longer
     * applies, and the session offers no password.
     */
    void withholdSecrets() {
        secretsWithheld = true;
        refusal = null;
    }

    String refusalText() {
        return refusal;
    }

    void refuse(String why, UnreachableException.Reason reason) {
        this.refusal = jumpHost == null ? why : "jump host " + jumpHost.describe() + ": " + why;
        this.refusalReason = reason;
    }

    /** The first refused host key on the way to the target, jump hosts first, as an error for the user. */
    Optional<UnreachableException> refusedKey() {
        for (ConnectAttempt hop : jumps) {
            if (hop.refusal != null) {
                return Optional.of(hop.refusedKeyError());
            }
        }
        return refusal == null ? Optional.empty() : Optional.of(refusedKeyError());
    }

    private UnreachableException refusedKeyError() {
        return new UnreachableException(refusalReason, refusal);
    }
}
