package dev.jinfra.testkit;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a fleet is set up, as collected by {@link SshFleet.Builder}.
 *
 * @param hostCount     how many hosts
 * @param namePrefix    host names are this prefix plus a zero-padded number
 * @param address       the loopback address every host listens on
 * @param user          the user written to the inventory; it and the current OS user may log in
 * @param password      also accepted for password authentication, or null for keys only
 * @param backlog       listen backlog of every port
 * @param idleTimeout   sessions idle this long are closed; zero never closes them
 * @param ioThreads     threads of the fleet's one IO pool
 * @param parentDir     where the fleet's temporary directory is created, or null for the system default
 * @param initialFaults faults by host name, applied at start
 * @param extraHostKeys host keys every host serves besides the fleet's own
 */
record FleetSettings(
        int hostCount,
        String namePrefix,
        String address,
        String user,
        String password,
        int backlog,
        Duration idleTimeout,
        int ioThreads,
        Path parentDir,
        Map<String, List<Fault>> initialFaults,
        List<KeyPair> extraHostKeys) {

    static final String CURRENT_USER = System.getProperty("user.name");

    FleetSettings {
        if (hostCount < 1) {
            throw new IllegalArgumentException("a fleet needs at least one host, not " + hostCount);
        }
        initialFaults = Map.copyOf(initialFaults);
        extraHostKeys = List.copyOf(extraHostKeys);
    }

    boolean acceptsUser(String login) {
        return user.equals(login) || "root".equals(login) || CURRENT_USER.equals(login);
    }

    /**
     * The name of host {@code index} (1-based): numbers are padded to the width of the host count, and to at
     * least three digits so that small fleets get names like {@code web-003}.
     */
    String hostName(int index) {
        int width = Math.max(3, String.valueOf(hostCount).length());
        return namePrefix + String.format("%0" + width + "d", index);
    }
}
