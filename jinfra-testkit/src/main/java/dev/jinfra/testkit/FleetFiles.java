package dev.jinfra.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Writes the files a client needs to reach a fleet: known_hosts and a jinfra inventory. */
final class FleetFiles {

    // Plain YAML scalars that need no quoting; anything else is written double-quoted.
    private static final Pattern PLAIN_SCALAR = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./@+-]*");

    private FleetFiles() {}

    /** One {@code [127.0.0.1]:PORT key} line per host, all with the key the hosts serve normally. */
    static void writeKnownHosts(Path file, List<FleetHost> hosts, FleetKeys keys) {
        String key = FleetKeys.publicKeyLine(keys.hostKey().getPublic());
        StringBuilder text = new StringBuilder(hosts.size() * (key.length() + 24));
        for (FleetHost host : hosts) {
            text.append(host.knownHostsName()).append(' ').append(key).append('\n');
        }
        write(file, text);
    }

    static void writeInventory(Path file, List<FleetHost> hosts, String user, Path clientKey, Path knownHosts) {
        StringBuilder yaml = new StringBuilder(64 * hosts.size() + 200);
        yaml.append("data:\n")
                .append("  ssh_user: ")
                .append(scalar(user))
                .append('\n')
                .append("  ssh_key: ")
                .append(scalar(clientKey.toString()))
                .append('\n')
                .append("  ssh_known_hosts_file: ")
                .append(scalar(knownHosts.toString()))
                .append('\n')
                .append("hosts:\n");
        for (FleetHost host : hosts) {
            yaml.append("  ")
                    .append(scalar(host.name()))
                    .append(": { ssh_hostname: ")
                    .append(host.address())
                    .append(", ssh_port: ")
                    .append(host.port())
                    .append(" }\n");
        }
        write(file, yaml);
    }

    static String scalar(String value) {
        if (PLAIN_SCALAR.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void write(Path file, CharSequence text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
