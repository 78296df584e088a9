package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPv4 addresses of each interface with their prefix length, from {@code ip -o -4 addr show} (iproute2 or
 * BusyBox's ip); empty without ip.
 */
@Doc(
        value =
                "IPv4 addresses by interface, as address/prefix (192.0.2.2/24), from ip -o -4 addr show; empty without ip.")
public record Ipv4Addresses() implements Fact<Map<String, List<String>>> {
    @Override
    public Command command() {
        return Command.of("ip", "-o", "-4", "addr", "show");
    }

    @Override
    public Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            // "4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\       valid_lft forever ..."
            String[] f = line.strip().split("\\s+");
            if (f.length < 4 || !f[2].equals("inet")) {
                continue;
            }
            // An alias interface ("eth0:1") is listed under its device; the label at the end is not needed.
            String device = f[1].endsWith(":") ? f[1].substring(0, f[1].length() - 1) : f[1];
            addresses.computeIfAbsent(device, d -> new ArrayList<>()).add(f[3]);
        }
        return addresses;
    }

    @Override
    public Map<String, List<String>> absent() {
        return Map.of();
    }
}
