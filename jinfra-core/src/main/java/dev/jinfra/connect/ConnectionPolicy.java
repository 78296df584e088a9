package dev.jinfra.connect;

import java.lang.management.ManagementFactory;

/**
 * How many SSH handshakes may be in flight at once, and how many sessions may be held open at once. They are
 * separate limits: handshakes cost CPU on both sides and are bounded to keep the machine responsive; open
 * sessions cost a file descriptor each and are bounded by the process's open-file limit.
 */
public record ConnectionPolicy(int maxHandshakes, int maxSessions) {
    /** Descriptors kept back for the JVM, log files, the known_hosts file and the terminal. */
    private static final int RESERVED_DESCRIPTORS = 256;

    public ConnectionPolicy {
        if (maxHandshakes < 1) {
            throw new IllegalArgumentException("maxHandshakes < 1: " + maxHandshakes);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions < 1: " + maxSessions);
        }
    }

    /**
     * Defaults for this machine: handshakes in flight scale with cores (each costs milliseconds of CPU, so
     * more in flight only queue), and sessions fill what the open-file limit allows. HotSpot raises the soft
     * limit to the hard limit at start-up on Linux, so the figure read here is already the raised one.
     */
    public static ConnectionPolicy defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ConnectionPolicy(Math.max(32, cores * 32), sessionsForDescriptorLimit(openFileLimit()));
    }

    static int sessionsForDescriptorLimit(long limit) {
        // Each session holds one socket; a ProxyJump session holds a forwarded channel on its jump host too.
        return (int) Math.max(16, Math.min(Integer.MAX_VALUE, limit - RESERVED_DESCRIPTORS));
    }

    static long openFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1024;
    }
}
