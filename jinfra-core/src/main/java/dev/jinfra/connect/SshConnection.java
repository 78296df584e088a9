package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * One host's SSH session; each command gets its own exec channel on it. From the second command on, the next
 * command's channel is opened while a command runs, so that it finds one ready: a command is then one round trip,
 * not two (see {@link ExecChannel}). A host's first command may well be its only one (an exec, a deploy's read
 * with nothing to change), so it opens none ahead.
 */
final class SshConnection implements Connection {
    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);
    /** How long a timed-out command gets to end on TERM before it is sent KILL. */
    private static final long TERM_GRACE_MILLIS = 1_000;
    /** How long a channel may stay open, with no output, after its command exited. */
    static final Duration CLOSE_AFTER_EXIT = Duration.ofSeconds(10);

    private static final long CLOSE_CHECK_MILLIS = 500;
    /** Pauses before opening a refused new channel again (see sendOnNew). */
    private static final long[] REFUSED_OPEN_PAUSES_MILLIS = {50, 200, 750};

    private final Host host;
    private final ClientSession session;
    private final Runnable onClose;
    private final java.util.function.Supplier<String> lostWhy;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Commands still running, to be ended when the connection is closed under them (Ctrl-C).
    private final Set<ExecChannel> running = ConcurrentHashMap.newKeySet();
    private final boolean signalsRefused;
    // The channel opened ahead for the next command, if any; commands run so far; whether the server refused a
    // channel opened ahead (a MaxSessions of 1), after which none is.
    private ExecChannel ahead;
    private int commandsRun;
    private boolean aheadRefused;

    SshConnection(Host host, ClientSession session, Runnable onClose) {
        this(host, session, () -> null, onClose);
    }

    /** @param lostWhy why the session was lost when a jump host's connection under it went away, else null */
    SshConnection(Host host, ClientSession session, java.util.function.Supplier<String> lostWhy, Runnable onClose) {
        this.host = host;
        this.session = session;
        this.lostWhy = lostWhy;
        this.onClose = onClose;
        this.signalsRefused = refusesSignals(session.getUsername(), session.getServerVersion());
    }

    /**
     * Whether the server ignores "signal" requests for this login: OpenSSH's sshd does for root, whose
     * sessions run without privilege separation. Other servers are trusted to honour them or to close the
     * channel's processes themselves.
     */
    static boolean refusesSignals(String user, String serverVersion) {
        return "root".equals(user) && serverVersion != null && serverVersion.contains("OpenSSH");
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
        ExecChannel channel = null;
        try {
            channel = startCommand(request.command(), out, err);
            // Written through the channel's own stream rather than a pump thread per host; closing it sends EOF,
            // so a command reading stdin ends instead of waiting forever.
            try (OutputStream stdin = channel.getInvertedIn()) {
                PipedUpload.writeInput(request, stdin, err);
            }
            long waitMillis =
                    request.timeout().isZero() ? 0L : request.timeout().toMillis();
            Set<ClientChannelEvent> events = channel.waitFor(
                    EnumSet.of(
                            ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS, ClientChannelEvent.EXIT_SIGNAL),
                    waitMillis);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                stop(channel);
                return result(CommandResult.Outcome.TIMED_OUT, -1, out, err, start);
            }
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                awaitCloseAfterExit(channel, out, err);
            }
            Integer exit = channel.getExitStatus();
            if (exit == null) {
                String signal = channel.getExitSignal();
                if (signal != null) {
                    // Killed by a signal: no exit status exists, so report 255 as ssh(1) does.
                    err.note("killed by signal " + signal);
                    return result(CommandResult.Outcome.EXITED, 255, out, err, start);
                }
                String why = lostWhy.get();
                if (why != null) {
                    err.note(why);
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
                String why = dev.jinfra.problem.Problems.inWords(e);
                err.note(why);
            }
            return result(CommandResult.Outcome.CONNECTION_LOST, -1, out, err, start);
        } finally {
            if (channel != null) {
                running.remove(channel);
            }
        }
    }

    /**
     * Sends the command on the channel opened ahead, or on a new one when there is none, or the server refused it
     * (as sshd does with MaxSessions 1: no channel is opened ahead after that) or closed it. Returns once the
     * channel is open, listed as running from before the command goes out (so that Ctrl-C finds it).
     */
    private ExecChannel startCommand(String command, OutputCapture out, OutputCapture err) throws IOException {
        ExecChannel ready;
        synchronized (this) {
            ready = ahead;
            ahead = null;
            commandsRun++;
        }
        if (ready != null) {
            OpenFuture opening = ready.opening();
            if (!opening.isDone() || (opening.isOpened() && ready.isOpen() && !ready.isClosing())) {
                try {
                    return sendOn(ready, command, out, err);
                } catch (IOException e) {
                    if (!refused(e)) {
                        throw e;
                    }
                    // A refused open never carried the command: it goes on another channel.
                    noneAhead();
                }
            } else {
                if (refused(opening.getException())) {
                    noneAhead();
                }
                ready.abandon();
            }
        }
        return sendOnNew(command, out, err);
    }

    /**
     * Sends the command on a new channel. A refused open is tried again a few times: channels this connection
     * just closed (a timed-out command's, the kill script's) can hold the host's sessions a moment longer, which
     * sshd counts against MaxSessions. A refused open never carried the command.
     */
    private ExecChannel sendOnNew(String command, OutputCapture out, OutputCapture err) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOn(ExecChannel.open(session), command, out, err);
            } catch (IOException e) {
                if (!refused(e) || attempt == REFUSED_OPEN_PAUSES_MILLIS.length) {
                    throw e;
                }
            }
            if (!pause(attempt)) {
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
    }

    /** Sends the command on {@code channel} and waits for its open; a channel that failed never sends it. */
    private ExecChannel sendOn(ExecChannel channel, String command, OutputCapture out, OutputCapture err)
            throws IOException {
        running.add(channel);
        try {
            channel.start(command, out, err);
            openAhead();
            channel.opening().verify(CHANNEL_OPEN_TIMEOUT);
            return channel;
        } catch (IOException | RuntimeException e) {
            // Given up on (a time-out, an interrupt, a refusal): the command is reported as not run, so it must
            // not go out should the confirmation come after all.
            running.remove(channel);
            channel.abandon();
            throw e;
        }
    }

    private synchronized void noneAhead() {
        aheadRefused = true;
    }

    /**
     * Closes the channel opened ahead, if any: it holds one of the host's sessions, which the next one needs.
     * Waits up to {@code waitMillis} for the host's side of the close, after which the host has freed the session.
     */
    private void dropAhead(long waitMillis) {
        ExecChannel spare;
        synchronized (this) {
            spare = ahead;
            ahead = null;
        }
        if (spare != null) {
            spare.abandon();
            if (waitMillis > 0) {
                spare.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), waitMillis);
            }
        }
    }

    /** Whether the server answered a channel's open with a refusal (not a timeout or a lost session). */
    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SshChannelOpenException) {
                return true;
            }
        }
        return false;
    }

    /** Opens the next command's channel while this one runs, from the second command on. */
    private void openAhead() {
        synchronized (this) {
            if (ahead != null || aheadRefused || commandsRun < 2 || closed.get()) {
                return;
            }
            try {
                ahead = ExecChannel.open(session);
            } catch (IOException | RuntimeException e) {
                // The session is going away; the next command finds that out for itself.
            }
        }
    }

    /**
     * Waits for the channel to close once its command has exited: the rest of its output and the close follow
     * the exit status. A server that never sends the close (the command is over, yet the channel stays open) would
     * otherwise hold a command without a time limit forever; once no output has come for a while, this side
     * closes the channel and the exit status stands.
     */
    private static void awaitCloseAfterExit(ExecChannel channel, OutputCapture out, OutputCapture err) {
        long seen = -1;
        long quietSince = System.nanoTime();
        while (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), CLOSE_CHECK_MILLIS)
                .contains(ClientChannelEvent.CLOSED)) {
            long now = out.received() + err.received();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CLOSE_AFTER_EXIT.toNanos()) {
                channel.close(true);
                return;
            }
        }
    }

    /**
     * Ends a command that ran too long. Closing its channel alone would leave it running: sshd does not end a
     * session's processes when the channel closes (without a terminal, nothing sends them SIGHUP). A "signal"
     * request makes OpenSSH's sshd signal the session's whole process group, so a shell's children end too.
     */
    private void stop(ExecChannel channel) {
        if (signalsRefused) {
            // Returns once the command's group is gone, so a retry never starts beside the attempt it replaces.
            // The channel opened ahead goes first: with few sessions allowed it would keep the script out.
            dropAhead(TERM_GRACE_MILLIS);
            endSiblings();
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TERM_GRACE_MILLIS);
            // Gracefully: sshd frees the channel's session only once this side's close reaches it.
            channel.close(false);
            return;
        }
        signal(channel, "TERM");
        if (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TERM_GRACE_MILLIS)
                .contains(ClientChannelEvent.CLOSED)) {
            signal(channel, "KILL");
        }
        channel.close(true);
    }

    /**
     * Ends the commands running on this connection through a channel of their own, for servers that refuse
     * signal requests (see {@link SessionSiblings}). Waits for the script: TERM, up to the grace time, then KILL.
     */
    private void endSiblings() {
        for (int attempt = 0; ; attempt++) {
            try (ChannelExec killer = session.createExecChannel(
                    SessionSiblings.endCommand(TERM_GRACE_MILLIS), StandardCharsets.UTF_8, null, Map.of())) {
                killer.setOut(OutputStream.nullOutputStream());
                killer.setErr(OutputStream.nullOutputStream());
                try {
                    killer.open().verify(CHANNEL_OPEN_TIMEOUT);
                } catch (IOException e) {
                    // Refused while channels just closed still hold the host's sessions: asked for again, as a
                    // command's channel is (see sendOnNew).
                    if (refused(e) && attempt < REFUSED_OPEN_PAUSES_MILLIS.length && pause(attempt)) {
                        continue;
                    }
                    return;
                }
                killer.getInvertedIn().close();
                killer.waitFor(
                        EnumSet.of(ClientChannelEvent.CLOSED), TERM_GRACE_MILLIS + CHANNEL_OPEN_TIMEOUT.toMillis());
                return;
            } catch (IOException | RuntimeException e) {
                // The session is going away too; the groups end with it if they read or write, and nothing else
                // can be done from here.
                return;
            }
        }
    }

    /** The pause before asking for a refused channel again; false when interrupted meanwhile. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(REFUSED_OPEN_PAUSES_MILLIS[attempt]);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** RFC 4254 section 6.9; a server that does not support it ignores it (no reply is asked for). */
    private static void signal(ExecChannel channel, String name) {
        if (!channel.opening().isOpened()) {
            // Not open yet: no command runs on it, and it has no number on the server to address.
            return;
        }
        try {
            Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
            buffer.putUInt(channel.getRecipient());
            buffer.putString("signal");
            buffer.putBoolean(false);
            buffer.putString(name);
            channel.writePacket(buffer);
        } catch (IOException | RuntimeException e) {
            // The channel or session is already going away; closing it is all that is left to do.
        }
    }

    private static CommandResult result(
            CommandResult.Outcome outcome, int exit, OutputCapture out, OutputCapture err, long start) {
        out.flush();
        err.flush();
        return new CommandResult(outcome, exit, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void upload(dev.jinfra.api.Payload content, String remotePath) {
        // One SFTP channel per upload on the host's existing session: no new connection, no new handshake.
        // The upload lands in a shared directory such as /tmp and may be a rendered secret: it is made 0600 while
        // still empty, before any byte is written. (The client cannot give a mode with the open request itself.)
        try (var sftp = org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session)) {
            try (var handle = sftp.open(
                    remotePath,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Write,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Create,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Truncate)) {
                sftp.setStat(handle, new org.apache.sshd.sftp.client.SftpClient.Attributes().perms(0600));
            }
            try (var out = sftp.write(
                    remotePath,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Write,
                    org.apache.sshd.sftp.client.SftpClient.OpenMode.Truncate)) {
                PayloadStream.copy(content, out, remotePath);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot upload " + remotePath + ": "
                            + (isOpen() ? e.getMessage() : "the connection closed during the upload"),
                    e);
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
            // Commands still running would outlive the session (see stop): TERM goes out first, and KILL to those
            // still running after the grace time, as for a timeout. Only then does the session close, off the
            // caller's thread, so that closing a thousand sessions on Ctrl-C does not wait a grace time each.
            dropAhead(0);
            List<ExecChannel> still = List.copyOf(running);
            if (!signalsRefused) {
                for (ExecChannel channel : still) {
                    signal(channel, "TERM");
                }
            }
            if (still.isEmpty()) {
                session.close(false);
                onClose.run();
                return;
            }
            Thread.ofVirtual().name("close-" + host().name()).start(() -> {
                if (signalsRefused) {
                    endSiblings();
                }
                long deadline = System.nanoTime() + TERM_GRACE_MILLIS * 1_000_000L;
                for (ExecChannel channel : still) {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    if (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), left)
                            .contains(ClientChannelEvent.CLOSED)) {
                        signal(channel, "KILL");
                    }
                }
                // Not waiting for the server's goodbye: a thousand graceful closes in a row would add up.
                session.close(false);
                onClose.run();
            });
        }
    }
}
