package dev.jinfra.inventory;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A host pattern as Ansible's inventory plugins read it: {@code host}, {@code host:port}, a bare IPv6 address
 * (whose colons are not a port), or {@code [ipv6]:port}. A range such as {@code web[01:05]} keeps its colon.
 *
 * @param pattern the host or range, IPv6 addresses without brackets
 * @param port    null when none was written
 * @param literal whether {@code pattern} is one address, not a range to expand
 */
record AnsibleHostPort(String pattern, Integer port, boolean literal) {
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    static AnsibleHostPort parse(String written, String source, int line) {
        int close = written.indexOf(']');
        if (written.startsWith("[") && close > 0 && TargetList.isIpv6(written.substring(1, close))) {
            String after = written.substring(close + 1);
            if (after.isEmpty()) {
                return new AnsibleHostPort(written.substring(1, close), null, true);
            }
            if (!after.startsWith(":") || !PORT.matcher(after.substring(1)).matches()) {
                throw new InventoryException(
                        source, line, "unexpected '" + after + "' after IPv6 address in '" + written + "'");
            }
            return new AnsibleHostPort(written.substring(1, close), Integer.valueOf(after.substring(1)), true);
        }
        if (TargetList.isIpv6(written)) {
            return new AnsibleHostPort(written, null, true);
        }
        int colon = HostPattern.lastOutsideBrackets(written, ':');
        if (colon > 0 && PORT.matcher(written.substring(colon + 1)).matches()) {
            return new AnsibleHostPort(
                    written.substring(0, colon), Integer.valueOf(written.substring(colon + 1)), false);
        }
        return new AnsibleHostPort(written, null, false);
    }

    /** Adds the host, or the hosts of the range, to {@code group} of {@code draft}. */
    void addTo(InventoryDraft draft, String group, Map<String, Object> data, Map<String, Integer> keyLines, int line) {
        if (literal) {
            draft.addHost(group, pattern, data, keyLines, line);
        } else {
            draft.addHosts(group, pattern, data, keyLines, line);
        }
    }
}
