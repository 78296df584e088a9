package dev.jinfra.connect;

import org.apache.sshd.common.AttributeRepository;

/**
 * One attempt to open a session, handed to MINA as the connection context. It carries the host's settings to
 * the host key check, and brings back why the check refused the key: MINA clears a session's own attributes
 * when it closes, which is exactly when the connector asks.
 */
final class ConnectAttempt {
    static final AttributeRepository.AttributeKey<ConnectAttempt> KEY = new AttributeRepository.AttributeKey<>();

    final SshSettings settings;
    /** The identities for this host, also offered to its ProxyJump hosts, which MINA opens with the same context. */
    final java.util.List<java.security.KeyPair> keys;
    private volatile String refusal;
    private volatile boolean keyChanged;

    ConnectAttempt(SshSettings settings, java.util.List<java.security.KeyPair> keys) {
        this.settings = settings;
        this.keys = java.util.List.copyOf(keys);
    }

    void refuse(String why, boolean changed) {
        this.refusal = why;
        this.keyChanged = changed;
    }

    String refusal() {
        return refusal;
    }

    boolean keyChanged() {
        return keyChanged;
    }
}
