package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** One host's SSH session; each command gets its own exec channel on it. */
final class SshConnection implements Connection {
    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final Host host;
    private final ClientSession session;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    SshConnection(Host host, ClientSession session, Runnable onClose) {
        this.host = host;
        this.session = session;
        this.onClose = onClose;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public CommandResult run(CommandRequest request, OutputListener listener) {
        long start = System.nanoTime();
        var out = new OutputCapture(listener, OutputListener.Stream.STDOUT, OutputCapture.DEFAULT_LIMIT);
        var err = new OutputCapture(listener, OutputListener.Stream.STDERR, OutputCapture.DEFAULT_LIMIT);
        ChannelExec channel = null;
        try {
            channel = session.createExecChannel(request.command(), StandardCharsets.UTF_8, null, Map.of());
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(CHANNEL_OPEN_TIMEOUT);
            // Written through the channel's own stream rather than a pump thread per host; closing it sends EOF,
            // so a command reading stdin ends instead of waiting forever.
            try (OutputStream stdin = channel.getInvertedIn()) {
                if (request.stdin() != null) {
                    stdin.write(request.stdin());
                }
            }
            long waitMillis = request.timeout().isZero() ? 0L : request.timeout().toMillis();
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), waitMillis);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                channel.close(true);
                return result(CommandResult.Outcome.TIMED_OUT, -1, out, err, start);
            }
            Integer exit = channel.getExitStatus();
            if (exit == null) {
                String signal = channel.getExitSignal();
                if (signal != null) {
                    // Killed by a signal: no exit status exists, so report 255 as ssh(1) does.
                    err.note("killed by signal " + signal);
                    return result(CommandResult.Outcome.EXITED, 255, out, err, start);
                }
                return result(CommandResult.Outcome.CONNECTION_LOST, -1, out, err, start);
            }
            return result(CommandResult.Outcome.EXITED, exit, out, err, start);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close(true);
            }
            if (!closed.get()) {
                // Not when this side closed the session (Ctrl-C): MINA's complaint about writing to a closing
                // session would then read like the host's own trouble, and the caller knows why it ended.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                err.note(why);
            }
            return result(CommandResult.Outcome.CONNECTION_LOST, -1, out, err, start);
        }
    }

    private static CommandResult result(CommandResult.Outcome outcome, int exit, OutputCapture out, OutputCapture err, long start) {
        out.flush();
        err.flush();
        return new CommandResult(outcome, exit, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void upload(byte[] content, String remotePath) {
        // One SFTP channel per upload on the host's existing session: no new connection, no new handshake.
        // The upload lands in a shared directory such as /tmp and may be a rendered secret: it is made 0600 while
        // still empty, before any byte is written. (The client cannot give a mode with the open request itself.)
        try (var sftp = org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session)) {
            try (var handle = sftp.open(remotePath, org.apache.sshd.sftp.client.SftpClient.OpenMode.Write,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Create,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Truncate)) {
                sftp.setStat(handle, new org.apache.sshd.sftp.client.SftpClient.Attributes().perms(0600));
            }
            try (var out = sftp.write(remotePath, org.apache.sshd.sftp.client.SftpClient.OpenMode.Write,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Truncate)) {
                out.write(content);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot upload " + remotePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] download(String remotePath) {
        try (var sftp = org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session);
             var in = sftp.read(remotePath)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot download " + remotePath + ": " + e.getMessage(), e);
        }
    }

    /** The key exchange algorithm this session agreed on with the server. */
    String negotiatedKex() {
        return session.getNegotiatedKexParameter(org.apache.sshd.common.kex.KexProposalOption.ALGORITHMS);
    }

    /** Whether the session is still usable for further commands. */
    boolean isOpen() {
        return session.isOpen() && !closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Not waiting for the server's goodbye: a thousand graceful closes in a row would add up.
            session.close(false);
            onClose.run();
        }
    }
}
