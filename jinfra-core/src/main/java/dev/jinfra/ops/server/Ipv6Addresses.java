package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPv6 addresses of each interface with their prefix length, from {@code /proc/net/if_inet6} (Linux: no tool
 * needed); empty where IPv6 is off or elsewhere.
 */
@Doc(value = "IPv6 addresses by interface, as address/prefix (fd00::2/64), from /proc/net/if_inet6 (Linux).")
public record Ipv6Addresses() implements Fact<Map<String, List<String>>> {
    @Override
    public Command command() {
        return Command.of("cat", "/proc/net/if_inet6");
    }

    @Override
    public Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            // "fd000000000000000000000000000002 04 40 00 82     eth0": address, index, prefix, scope, flags, name.
            String[] f = line.strip().split("\\s+");
            if (f.length != 6 || f[0].length() != 32) {
                continue;
            }
            try {
                String address = compress(f[0]) + "/" + Integer.parseInt(f[2], 16);
                addresses.computeIfAbsent(f[5], d -> new ArrayList<>()).add(address);
            } catch (NumberFormatException e) {
                // Not an address line.
            }
        }
        return addresses;
    }

    /** 32 hex digits as RFC 5952 text: lower case, no leading zeros, the longest run of zero groups as "::". */
    static String compress(String hex) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = Integer.parseInt(hex.substring(i * 4, i * 4 + 4), 16);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    @Override
    public Map<String, List<String>> absent() {
        return Map.of();
    }
}
