package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The network interfaces by name, from {@code /sys/class/net} (Linux): no {@code ip} or {@code ifconfig} needed,
 * so BusyBox hosts and minimal containers answer too; empty elsewhere.
 */
@Doc(value = "Network interfaces by name with MAC address, MTU and operational state, from /sys/class/net (Linux).")
public record NetworkDevices() implements Fact<Map<String, NetworkDevices.Device>> {

    /** @param state as the kernel says: up, down, unknown (loopback, tunnels), dormant... */
    public record Device(String mac, Integer mtu, String state) {}

    @Override
    public Command command() {
        // One line per interface; a file that cannot be read leaves its field empty rather than failing the fact.
        return Command.shell("for d in /sys/class/net/*; do [ -e \"$d/address\" ] || continue; "
                + "printf '%s %s %s %s\\n' \"${d##*/}\" \"$(cat \"$d/address\" 2>/dev/null)\" "
                + "\"$(cat \"$d/mtu\" 2>/dev/null)\" \"$(cat \"$d/operstate\" 2>/dev/null)\"; done");
    }

    @Override
    public Map<String, Device> parse(String stdout) {
        Map<String, Device> devices = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            // Split on single spaces: an empty field stays a field.
            String[] f = line.split(" ", -1);
            if (f.length != 4 || f[0].isEmpty()) {
                continue;
            }
            devices.put(f[0], new Device(blankToNull(f[1]), Numbers.intOrNull(f[2]), blankToNull(f[3])));
        }
        return devices;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    @Override
    public Map<String, Device> absent() {
        return Map.of();
    }
}
