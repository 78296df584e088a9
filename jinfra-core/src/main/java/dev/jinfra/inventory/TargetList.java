package dev.jinfra.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets given on the command line instead of an inventory file: a comma-separated list of {@code host},
 * {@code user@host}, {@code host:port}, {@code user@host:port}, {@code [ipv6]:port} (or a bare IPv6 address),
 * ranges such as {@code web-[01-05]}, and {@code @local} for this machine. The user and port become the
 * host's {@code ssh_user} and {@code ssh_port}; the host's name is the host part alone.
 */
final class TargetList {
    static final String SOURCE = "command line";

    private TargetList() {}

    static InventoryDraft parse(String spec) {
        var draft = new InventoryDraft(SOURCE);
        for (String item : split(spec)) {
            addTarget(draft, item);
        }
        return draft;
    }

    /** Splits at commas outside brackets, so {@code web-[01-03,07]} stays one target. */
    private static List<String> split(String spec) {
        List<String> items = new ArrayList<>();
        String rest = spec;
        int comma;
        while ((comma = HostPattern.lastOutsideBrackets(rest, ',')) >= 0) {
            items.addFirst(rest.substring(comma + 1).strip());
            rest = rest.substring(0, comma);
        }
        items.addFirst(rest.strip());
        return items.stream().filter(s -> !s.isEmpty()).toList();
    }

    private static void addTarget(InventoryDraft draft, String item) {
        if (item.equals(Host.LOCAL)) {
            draft.addHosts(null, Host.LOCAL, Map.of(), 0);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        String hostPort = item;
        int at = item.lastIndexOf('@');
        if (at == 0) {
            throw error("unknown target '" + item + "' (did you mean @local?)");
        }
        if (at > 0) {
            data.put(HostKeys.SSH_USER, item.substring(0, at));
            hostPort = item.substring(at + 1);
        }
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[") && hostPort.indexOf(']') > 0 && isIpv6(hostPort.substring(1, hostPort.indexOf(']')))) {
            int close = hostPort.indexOf(']');
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw error("unexpected '" + after + "' after IPv6 address in '" + item + "'");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else if (!isIpv6(hostPort)) {
            int colon = HostPattern.lastOutsideBrackets(hostPort, ':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                port = hostPort.substring(colon + 1);
            }
        }
        if (host.isEmpty()) {
            throw error("missing host name in '" + item + "'");
        }
        if (port != null) {
            data.put(HostKeys.SSH_PORT, port(port, item));
        }
        draft.addHosts(null, host, data, 0);
    }

    private static int port(String text, String item) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw error("bad port '" + text + "' in '" + item + "'");
        }
        return Integer.parseInt(text);
    }

    /**
     * An IPv6 address: hex digits, colons and dots, with "::" or all eight groups. This keeps Ansible ranges
     * with a step, such as {@code [1:9:2]}, from passing for addresses.
     */
    static boolean isIpv6(String text) {
        long colons = text.chars().filter(c -> c == ':').count();
        return !text.isEmpty() && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)
                && (text.contains("::") || colons == 7);
    }

    private static InventoryException error(String problem) {
        return new InventoryException(SOURCE, 0, problem);
    }
}
