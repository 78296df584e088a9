package dev.jinfra.testkit;

import java.time.Duration;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A host's session channel: MINA's, with the faults that touch a channel's open. {@link Fault#slowChannelOpen}
 * confirms it late; {@link Fault#ONE_CHANNEL} refuses it while the session has another one open, as sshd does with
 * {@code MaxSessions 1}; {@link Fault#CLOSE_UNUSED_CHANNEL} closes it when nothing was asked of it for a while.
 */
final class FleetChannel extends ChannelSession {
    private static final Duration UNUSED_FOR = Duration.ofMillis(200);
    private final HostControl host;
    // Set once this channel passed ONE_CHANNEL's check; a refused channel lingers in the session's list a while.
    private volatile boolean granted;
    private volatile boolean asked;

    FleetChannel(HostControl host) {
        this.host = host;
    }

    @Override
    public OpenFuture open(long recipient, long rwSize, long packetSize, Buffer buffer) {
        if (host != null && host.has(Fault.ONE_CHANNEL) && anotherOpen()) {
            OpenFuture refused = new DefaultOpenFuture(this, new Object());
            refused.setException(new SshChannelOpenException(
                    getChannelId(), SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "one session at a time"));
            host.recordChannelRefused();
            return refused;
        }
        if (host != null && host.has(Fault.CLOSE_UNUSED_CHANNEL)) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(UNUSED_FOR.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (!asked) {
                    close(false);
                }
            });
        }
        granted = true;
        Duration delay = host == null ? null : host.channelOpenDelay().orElse(null);
        if (delay == null) {
            return super.open(recipient, rwSize, packetSize, buffer);
        }
        // MINA confirms the open as the channel opens: the channel opens late, off the session's I/O thread.
        OpenFuture late = new DefaultOpenFuture(this, new Object());
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(delay);
                OpenFuture opened = super.open(recipient, rwSize, packetSize, buffer);
                opened.addListener(f -> {
                    if (f.isOpened()) {
                        late.setOpened();
                    } else {
                        late.setException(f.getException());
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                late.setException(e);
            }
        });
        return late;
    }

    @Override
    public void handleRequest(Buffer buffer) throws java.io.IOException {
        asked = true;
        super.handleRequest(buffer);
    }

    private boolean anotherOpen() {
        var service = getSession().getService(ConnectionService.class);
        return service instanceof AbstractConnectionService connections
                && connections.getChannels().stream()
                        .anyMatch(c -> c != this
                                && c instanceof FleetChannel other
                                && other.granted
                                && other.isOpen()
                                && !other.isClosing());
    }
}
