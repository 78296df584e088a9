package dev.jinfra.deploy;

import java.time.Duration;

/**
 * An operation whose commands end the host's sessions, such as a reboot. Once its commands have run, jinfra
 * closes the host's connection, waits {@link #reconnectDelay()}, then connects again until it works or
 * {@link #reconnectTimeout()} has passed; later operations use the new connection, and facts are read afresh.
 */
public interface Reconnects {
    /** How long the host needs before it is worth trying to connect (it is still going down until then). */
    Duration reconnectDelay();

    /** How long the host may take to come back before the operation fails. */
    Duration reconnectTimeout();
}
