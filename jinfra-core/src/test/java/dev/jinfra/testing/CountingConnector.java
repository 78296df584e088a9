package dev.jinfra.testing;

import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.inventory.Host;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real connector that also counts: how many sessions are open now, the most ever open at once, and how many
 * were opened in all. Tests of the session window read these.
 */
public final class CountingConnector implements Connector {
    private final Connector real;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();

    public CountingConnector(Connector real) {
        this.real = real;
    }

    @Override
    public Connection connect(Host host) throws UnreachableException {
        Connection c = real.connect(host);
        opened.incrementAndGet();
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        return new Counted(c);
    }

    @Override
    public int sessionLimit() {
        return real.sessionLimit();
    }

    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    public int openNow() {
        return open.get();
    }

    public int opened() {
        return opened.get();
    }

    @Override
    public void close() {
        real.close();
    }

    private final class Counted implements Connection {
        private final Connection c;
        private final AtomicBoolean closed = new AtomicBoolean();

        Counted(Connection c) {
            this.c = c;
        }

        @Override
        public Host host() {
            return c.host();
        }

        @Override
        public CommandResult run(CommandRequest request, OutputListener listener) {
            return c.run(request, listener);
        }

        @Override
        public void upload(dev.jinfra.api.Payload content, String remotePath) {
            c.upload(content, remotePath);
        }

        @Override
        public byte[] download(String remotePath) {
            return c.download(remotePath);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
            c.close();
        }
    }
}
