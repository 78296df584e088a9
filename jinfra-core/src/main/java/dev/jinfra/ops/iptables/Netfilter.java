package dev.jinfra.ops.iptables;

import java.net.InetAddress;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the iptables operations share: the program for IPv4 or IPv6, the checks of tables, chains and interfaces, and
 * addresses written as iptables-save prints them, so that a rule can be looked up in its output.
 */
final class Netfilter {
    private Netfilter() {}

    static final Set<String> TABLES = Set.of("filter", "nat", "mangle", "raw", "security");
    static final Set<String> BUILTIN_CHAINS = Set.of("INPUT", "OUTPUT", "FORWARD", "PREROUTING", "POSTROUTING");
    // iptables allows up to 28 characters; no leading '-' or '!', so a chain is never read as an option.
    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,27}");
    // Linux interface names (at most 15 characters); iptables' '+' at the end matches every name with that start.
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@-]{0,14}\\+?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    static String program(boolean ipv6) {
        return ipv6 ? "ip6tables" : "iptables";
    }

    static void table(String op, String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(
                    op + ": table must be one of " + new java.util.TreeSet<>(TABLES) + ", not '" + table + "'");
        }
    }

    static void chain(String op, String what, String chain) {
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            throw new IllegalArgumentException(op + ": '" + chain + "' is not a valid " + what + " name");
        }
    }

    static String iface(String op, String what, String name) {
        if (name != null && !INTERFACE.matcher(name).matches()) {
            throw new IllegalArgumentException(op + ": '" + name + "' is not a valid " + what);
        }
        return name;
    }

    /**
     * An address or network as iptables-save prints it: a network's host bits cleared and its prefix length always
     * written (10.0.0.1 is 10.0.0.1/32), IPv6 in its shortest form. Host names are refused: iptables would look them
     * up once, when the rule is added, and the rule could never be found again by its name.
     */
    static String address(String op, String what, String text, boolean ipv6) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        int bits = ipv6 ? 128 : 32;
        byte[] bytes = null;
        if (!ipv6 && IPV4.matcher(host).matches()) {
            bytes = new byte[4];
            String[] parts = host.split("\\.");
            for (int i = 0; i < 4; i++) {
                int b = Integer.parseInt(parts[i]);
                if (b > 255) {
                    bytes = null;
                    break;
                }
                bytes[i] = (byte) b;
            }
        } else if (ipv6 && host.contains(":") && IPV6.matcher(host).matches()) {
            try {
                bytes = InetAddress.ofLiteral(host).getAddress();
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
        }
        if (bytes == null || bytes.length != bits / 8) {
            throw new IllegalArgumentException(op + ": " + what + " must be an IPv" + (ipv6 ? "6" : "4")
                    + " address or network, not '" + text + "'");
        }
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException(op + ": '" + text + "' has no valid prefix length");
            }
            prefix = Integer.parseInt(p);
        }
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        return (ipv6 ? ipv6Text(bytes) : ipv4Text(bytes)) + "/" + prefix;
    }

    private static String ipv4Text(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** As inet_ntop writes it: lower-case hex groups, the longest run of two or more zero groups (the first) as "::". */
    private static String ipv6Text(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 0;
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
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
