package dev.jinfra.connect;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.common.AttributeRepository;

/**
 * MINA's client, opening jump hosts jinfra resolved itself, each with a connection context of its own. MINA
 * would resolve ProxyJump names through its own config resolver (not jinfra's ssh config), take a
 * comma-separated list in the reverse of OpenSSH's order, and open every jump host with the target's context,
 * so that the jump host's key was checked and recorded as the target's.
 */
final class HopClient extends SshClient {

    /** A jump host's entry, carrying the context its session is opened with. */
    private static final class HopEntry extends HostConfigEntry {
        final ConnectAttempt attempt;

        HopEntry(ConnectAttempt attempt) {
            super(attempt.address(), attempt.address(), attempt.port(), attempt.user(), null);
            this.attempt = attempt;
        }
    }

    /** Opens the target of {@code attempt} through its jump hosts, if it has any. */
    ConnectFuture connect(ConnectAttempt attempt) throws IOException {
        var target = new HostConfigEntry(attempt.address(), attempt.address(), attempt.port(), attempt.user(), null);
        // MINA opens the last entry of this list first and the first one last, next to the target.
        List<HostConfigEntry> hops = new ArrayList<>();
        for (ConnectAttempt hop : attempt.jumps.reversed()) {
            hops.add(new HopEntry(hop));
        }
        return doConnect(target, hops, AttributeRepository.ofKeyValuePair(ConnectAttempt.KEY, attempt), null);
    }

    /** MINA calls this once for the target and once for each jump host, all with the target's context. */
    @Override
    protected ConnectFuture doConnect(
            HostConfigEntry hostConfig,
            List<HostConfigEntry> jumps,
            AttributeRepository context,
            SocketAddress localAddress)
            throws IOException {
        AttributeRepository own = hostConfig instanceof HopEntry hop
                ? AttributeRepository.ofKeyValuePair(ConnectAttempt.KEY, hop.attempt)
                : context;
        return super.doConnect(hostConfig, jumps, own, localAddress);
    }
}
