package dev.jinfra.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.apache.sshd.common.io.IoAcceptor;

/**
 * Decides what listens on one host's port: the shared SSH acceptor, nothing (connections are refused), or a
 * silent listener that lets the kernel complete TCP handshakes but never reads or writes (the SSH handshake
 * hangs). The silent listener never calls accept(), so a hanging host costs a file descriptor, not a thread.
 *
 * <p>While switching, and while refusing, the port is held by a bound but unconnected socket with
 * SO_REUSEADDR: it accepts nothing (so connections are refused) yet keeps other sockets from taking the port,
 * and Linux still lets a new listener bind beside it.
 */
final class HostPort implements Closeable {

    enum Mode {
        SERVE,
        REFUSE,
        HANG
    }

    private final InetSocketAddress address;
    private final IoAcceptor acceptor;
    private final int backlog;
    private Mode mode = Mode.SERVE;
    private SocketChannel reservation;
    private ServerSocketChannel silentListener;
    private boolean closed;

    /** Takes over a port the acceptor is already listening on. */
    HostPort(InetSocketAddress address, IoAcceptor acceptor, int backlog) {
        this.address = address;
        this.acceptor = acceptor;
        this.backlog = backlog;
    }

    synchronized Mode mode() {
        return mode;
    }

    synchronized void switchTo(Mode target) throws IOException {
        if (closed || target == mode) {
            return;
        }
        stopListening();
        mode = Mode.REFUSE;
        switch (target) {
            case SERVE -> acceptor.bind(address);
            case HANG -> silentListener = openSilentListener();
            case REFUSE -> {}
        }
        if (target != Mode.REFUSE) {
            reservation.close();
            reservation = null;
        }
        mode = target;
    }

    private void stopListening() throws IOException {
        switch (mode) {
            case SERVE -> acceptor.unbind(address);
            case HANG -> {
                silentListener.close();
                silentListener = null;
            }
            case REFUSE -> {}
        }
        if (reservation == null) {
            reservation = SocketChannel.open();
            reservation.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            reservation.bind(address);
        }
    }

    private ServerSocketChannel openSilentListener() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, backlog);
            return listener;
        } catch (IOException e) {
            listener.close();
            throw e;
        }
    }

    /** Releases the silent listener or reservation; the acceptor is closed with the SSH server. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            if (silentListener != null) {
                silentListener.close();
            }
        } finally {
            if (reservation != null) {
                reservation.close();
            }
        }
    }
}
