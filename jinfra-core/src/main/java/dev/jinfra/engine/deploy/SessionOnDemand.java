package dev.jinfra.engine.deploy;

import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.engine.SessionWindow;
import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A host's session for one operation, taken from the run's window only when the operation first talks to the
 * host. An operation that plans from facts already read and finds nothing to do never takes a place in the
 * window: with more hosts than sessions, a run with nothing to change then reconnects no host.
 */
final class SessionOnDemand implements Connection {
    private final SessionWindow window;
    private final Host host;
    private Connection session;
    private String failure;
    private boolean stopped;

    SessionOnDemand(SessionWindow window, Host host) {
        this.window = window;
        this.host = host;
    }

    /** The session, opened on first use; null when it could not be had (see {@link #failure}, {@link #stopped}). */
    private synchronized Connection session() {
        if (session == null && failure == null) {
            try {
                session = window.acquire(host);
            } catch (SessionWindow.Stopped e) {
                stopped = true;
                failure = "interrupted";
            } catch (UnreachableException | RuntimeException e) {
                // Its session was closed to make room for other hosts, and it cannot be opened again.
                failure = "cannot open a session again: " + e.getMessage();
            }
        }
        return session;
    }

    /** Why no session could be had, or null while none was needed or it opened. */
    synchronized String failure() {
        return failure;
    }

    /** Whether the run stopped starting hosts before this operation's session opened. */
    synchronized boolean stopped() {
        return stopped;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public CommandResult run(CommandRequest request, OutputListener listener) {
        Connection c = session();
        if (c == null) {
            return new CommandResult(CommandResult.Outcome.CONNECTION_LOST, -1, "", failure(), Duration.ZERO);
        }
        return c.run(request, listener);
    }

    @Override
    public void upload(dev.jinfra.api.Payload content, String remotePath) {
        Connection c = session();
        if (c == null) {
            throw new UncheckedIOException(new IOException(failure()));
        }
        c.upload(content, remotePath);
    }

    @Override
    public byte[] download(String remotePath) {
        Connection c = session();
        if (c == null) {
            throw new UncheckedIOException(new IOException(failure()));
        }
        return c.download(remotePath);
    }

    /** The window owns the session: the operation gives it back through the window, not by closing it. */
    @Override
    public void close() {}
}
