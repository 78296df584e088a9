package dev.jinfra.connect;

import java.io.IOException;
import java.util.ArrayList;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * MINA's client, opening each hop (a target or a jump host jinfra resolved itself) with a connection context of
 * its own: the hop's {@link ConnectAttempt}, which its host key check and authentication read. MINA's own jump
 * host handling is not used: it would resolve ProxyJump names through its own config resolver (not jinfra's ssh
 * config), open every jump host with the target's context (checking and recording the jump host's key as the
 * target's), and open a jump host connection per target; {@link JumpSessions} shares them instead.
 */
final class HopClient extends SshClient {

    @Override
    protected SessionFactory createSessionFactory() {
        return HopSession.factory(this);
    }

    /** Opens a target without jump hosts directly (targets behind jump hosts go through {@link JumpSessions}). */
    ConnectFuture connect(ConnectAttempt attempt) throws IOException {
        if (!attempt.jumps.isEmpty()) {
            throw new IllegalArgumentException("a target behind jump hosts is opened through their shared sessions");
        }
        return connectHop(attempt);
    }

    /** Opens a hop's session directly: a target without jump hosts, or the first jump host of a chain. */
    ConnectFuture connectHop(ConnectAttempt hop) throws IOException {
        return doConnect(entry(hop), new ArrayList<>(), context(hop), null);
    }

    /**
     * Opens {@code attempt}'s session over a port that a jump host's shared connection forwards to it: the
     * socket's peer is then a local port, and the attempt (its {@code forwarded} flag, its name) tells the host
     * key check which host it is.
     */
    ConnectFuture connectVia(SshdSocketAddress forwarded, ConnectAttempt attempt) throws IOException {
        return doConnect(attempt.user(), forwarded.toInetSocketAddress(), context(attempt), null, null, entry(attempt));
    }

    private static HostConfigEntry entry(ConnectAttempt hop) {
        return new HostConfigEntry(hop.address(), hop.address(), hop.port(), hop.user(), null);
    }

    private static AttributeRepository context(ConnectAttempt hop) {
        return AttributeRepository.ofKeyValuePair(ConnectAttempt.KEY, hop);
    }
}
