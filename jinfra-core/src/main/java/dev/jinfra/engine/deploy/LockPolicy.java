package dev.jinfra.engine.deploy;

import java.time.Duration;

/**
 * How a deploy locks the hosts it changes (see {@link HostLock}): on unless {@code enabled} is false
 * ({@code --no-lock}); a host another run holds is waited for up to {@code timeout} ({@code --lock-timeout}, 0:
 * that host fails at once), and {@code breakLock} ({@code --break-lock}) removes another run's lock first.
 */
public record LockPolicy(boolean enabled, Duration timeout, boolean breakLock) {
    public static final LockPolicy DEFAULT = new LockPolicy(true, Duration.ZERO, false);
    public static final LockPolicy NONE = new LockPolicy(false, Duration.ZERO, false);

    public LockPolicy {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must be 0 or more: " + timeout);
        }
    }
}
