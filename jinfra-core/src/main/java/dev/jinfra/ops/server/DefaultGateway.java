package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * The IPv4 default route's gateway, from {@code /proc/net/route} (Linux: no tool needed); null when there is no
 * default route through a gateway, or elsewhere.
 */
@Doc(value = "The IPv4 default gateway's address, from /proc/net/route (Linux); null without a default route.")
public record DefaultGateway() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("cat", "/proc/net/route");
    }

    @Override
    public String parse(String stdout) {
        String best = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : stdout.split("\n")) {
            // "eth0	00000000	010200C0	0003	0	0	0	00000000 ...": Iface, Destination, Gateway, Flags, ...,
            // Metric (7th), Mask (8th), in hex in the host's byte order (little-endian on the machines it runs on).
            String[] f = line.strip().split("\\s+");
            if (f.length < 8 || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            try {
                long gateway = Long.parseLong(f[2], 16);
                int flags = Integer.parseInt(f[3], 16);
                long metric = Long.parseLong(f[6]);
                // RTF_UP (1) and RTF_GATEWAY (2): a route in use that goes through a gateway.
                if ((flags & 3) == 3 && gateway != 0 && metric < bestMetric) {
                    bestMetric = metric;
                    best = (gateway & 0xff) + "." + (gateway >> 8 & 0xff) + "." + (gateway >> 16 & 0xff) + "."
                            + (gateway >> 24 & 0xff);
                }
            } catch (NumberFormatException e) {
                // The header line.
            }
        }
        return best;
    }

    @Override
    public String absent() {
        return null;
    }
}
