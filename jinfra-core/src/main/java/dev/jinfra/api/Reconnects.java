package dev.jinfra.api;

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

    /**
     * A file on the host whose content changes with every boot, read before and after: a login counts as the
     * host being back only once it reads differently, since a host slow to shut down still takes logins on the
     * boot from before. null: the first login that works counts.
     */
    default String bootIdFile() {
        return null;
    }
}
