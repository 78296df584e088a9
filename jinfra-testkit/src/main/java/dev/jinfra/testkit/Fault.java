package dev.jinfra.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong on one host of an {@link SshFleet}, so tests can see how a client copes with
 * the failures real fleets produce. Set with {@code fleet.host("web-003").fault(Fault.HANG_COMMAND)}; a host
 * can carry several faults at once, and changes take effect for the next connection or command.
 */
public sealed interface Fault permits Fault.Kind, Fault.Slow, Fault.SlowChannelOpen {

    /** Nothing listens on the host's port any more: connecting fails at once with "connection refused". */
    Fault REFUSE = Kind.REFUSE;

    /** TCP connections are accepted, but the server never says a word, so the SSH handshake never completes. */
    Fault HANG_CONNECT = Kind.HANG_CONNECT;

    /** Commands are accepted and recorded but never run and never finish. */
    Fault HANG_COMMAND = Kind.HANG_COMMAND;

    /** The SSH session is closed after the command's first output, before any exit status is sent. */
    Fault DROP_MID_COMMAND = Kind.DROP_MID_COMMAND;

    /**
     * Commands run and their exit status is sent, but the channel is never closed afterwards, as by a server
     * that loses a channel's close.
     */
    Fault KEEP_OPEN_AFTER_EXIT = Kind.KEEP_OPEN_AFTER_EXIT;

    /** The host serves a different host key than the one written to the fleet's known_hosts file. */
    Fault CHANGED_HOST_KEY = Kind.CHANGED_HOST_KEY;

    /** Every authentication attempt fails, even with the fleet's client key or password. */
    Fault FAIL_AUTH = Kind.FAIL_AUTH;

    /** A channel opened while another is open on the same connection is refused, as by sshd's MaxSessions 1. */
    Fault ONE_CHANNEL = Kind.ONE_CHANNEL;

    /**
     * A channel that has not been asked to run anything a fifth of a second after it opened is closed by the
     * server, as by sshd's ChannelTimeout.
     */
    Fault CLOSE_UNUSED_CHANNEL = Kind.CLOSE_UNUSED_CHANNEL;

    /** Each command starts (and so produces its output) only after {@code delay}. */
    static Fault slow(Duration delay) {
        return new Slow(delay);
    }

    /**
     * Each channel's open is confirmed only after {@code delay}, as over a long way: a command on a new channel
     * waits for it, one on a channel opened earlier does not.
     */
    static Fault slowChannelOpen(Duration delay) {
        return new SlowChannelOpen(delay);
    }

    /** The faults without parameters. Use the constants on {@link Fault} rather than these directly. */
    enum Kind implements Fault {
        REFUSE,
        HANG_CONNECT,
        HANG_COMMAND,
        DROP_MID_COMMAND,
        KEEP_OPEN_AFTER_EXIT,
        CHANGED_HOST_KEY,
        FAIL_AUTH,
        ONE_CHANNEL,
        CLOSE_UNUSED_CHANNEL
    }

    /** Delays every command on the host by {@code delay}. */
    record Slow(Duration delay) implements Fault {
        public Slow {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /** Confirms every channel's open on the host only after {@code delay}. */
    record SlowChannelOpen(Duration delay) implements Fault {
        public SlowChannelOpen {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }
}
