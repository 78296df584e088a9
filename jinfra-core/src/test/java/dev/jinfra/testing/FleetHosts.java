package dev.jinfra.testing;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hosts of an in-process fleet as jinfra inventory hosts, with extra data for one test. */
public final class FleetHosts {
    private FleetHosts() {}

    public static Host host(SshFleet fleet, String name, Map<String, Object> extra) {
        FleetHost fh = fleet.host(name);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(HostKeys.SSH_HOSTNAME, fh.socketAddress().getHostString());
        data.put(HostKeys.SSH_PORT, fh.socketAddress().getPort());
        data.put(HostKeys.SSH_USER, fleet.user());
        data.put(HostKeys.SSH_KEY, fleet.clientKeyFile().toString());
        data.put(HostKeys.SSH_KNOWN_HOSTS_FILE, fleet.knownHostsFile().toString());
        data.putAll(extra);
        return new Host(name, List.of(), data);
    }

    public static Host host(SshFleet fleet, String name) {
        return host(fleet, name, Map.of());
    }

    /** Every host of the fleet, in fleet order, each with {@code extra} data. */
    public static List<Host> all(SshFleet fleet, Map<String, Object> extra) {
        return fleet.hostNames().stream().map(n -> host(fleet, n, extra)).toList();
    }
}
