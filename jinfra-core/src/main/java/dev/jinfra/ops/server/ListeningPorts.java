package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Set;
import java.util.TreeSet;

/** The TCP ports something listens on (IPv4 and IPv6), from /proc/net: no tool needs to be installed. */
@Doc(value = "The TCP ports something listens on, from /proc/net/tcp and tcp6.")
public record ListeningPorts() implements Fact<Set<Integer>> {
    private static final String LISTEN = "0A";

    @Override
    public Command command() {
        // A host without IPv6 has no tcp6 table; that is not an error.
        return Command.shell("cat /proc/net/tcp /proc/net/tcp6 2>/dev/null; true");
    }

    @Override
    public Set<Integer> parse(String stdout) {
        Set<Integer> ports = new TreeSet<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            // "sl local_address rem_address st ...": the header line has no colon-separated address in field 1.
            if (f.length < 4 || !f[3].equals(LISTEN)) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                ports.add(Integer.parseInt(f[1].substring(colon + 1), 16));
            } catch (NumberFormatException e) {
                // Not a table row.
            }
        }
        return ports;
    }

    @Override
    public Set<Integer> absent() {
        return Set.of();
    }
}
