package dev.jinfra.connect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * An exec channel that may be opened before its command is known. Opening a channel is a round trip of its own
 * (the exec request needs the number the server gives the channel), so a command on a fresh channel costs two. A
 * channel opened ahead, while the command before it runs, lets the next command go out at once: one round trip.
 * The command is sent as soon as both the command and the server's confirmation are there, whichever comes last.
 * Like MINA's own exec channel: no terminal, no reply asked for the exec request, no environment.
 */
final class ExecChannel extends PtyCapableChannelSession {
    private final Object lock = new Object();
    private OpenFuture opening;
    // All under lock. sent: the command went out, or never will (abandoned).
    private boolean confirmed;
    private byte[] command;
    private boolean sent;
    private boolean abandoned;

    private ExecChannel() {
        super(false, null, Map.of());
    }

    /** A channel of {@code session}, being opened: its confirmation comes back in the background. */
    static ExecChannel open(ClientSession session) throws IOException {
        ExecChannel channel = new ExecChannel();
        session.getService(ConnectionService.class).registerChannel(channel);
        channel.opening = channel.open();
        return channel;
    }

    /** The open request's outcome: done once the server confirmed or refused the channel. */
    OpenFuture opening() {
        return opening;
    }

    /**
     * Gives the channel its command and where its output goes. The command goes out now if the server already
     * confirmed the channel, else with the confirmation: once this returned and {@link #opening()} is done, it is
     * out.
     */
    void start(String command, OutputStream out, OutputStream err) throws IOException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an empty command");
        }
        setOut(out);
        setErr(err);
        synchronized (lock) {
            this.command = command.getBytes(StandardCharsets.UTF_8);
            if (!confirmed) {
                return;
            }
        }
        sendCommand();
    }

    /**
     * Makes sure the command never goes out from now on (the caller gave up waiting for the open: it reports the
     * command as not run, and may run it again elsewhere), and closes the channel. A channel not yet confirmed is
     * closed when its confirmation comes: closed before, the confirmation would name a channel MINA no longer knows.
     */
    void abandon() {
        boolean open;
        synchronized (lock) {
            sent = true;
            abandoned = true;
            open = confirmed;
        }
        if (open) {
            // Gracefully: the server frees the channel only once this side's close reaches it, and until then
            // it counts against the connection's sessions (sshd's MaxSessions).
            close(false);
        }
    }

    @Override
    protected void doOpen() throws IOException {
        boolean gone;
        synchronized (lock) {
            confirmed = true;
            gone = abandoned;
            if (command == null && !gone) {
                return;
            }
        }
        if (gone) {
            close(false);
            return;
        }
        sendCommand();
    }

    private void sendCommand() throws IOException {
        byte[] bytes;
        synchronized (lock) {
            if (sent) {
                return;
            }
            sent = true;
            bytes = command;
        }
        doOpenPty();
        Buffer buffer = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, bytes.length + 32);
        buffer.putUInt(getRecipient());
        buffer.putString("exec");
        buffer.putBoolean(false);
        buffer.putBytes(bytes);
        writePacket(buffer);
        // The streams of a session channel (stdin to the command, its stdout and stderr to ours).
        super.doOpen();
    }
}
