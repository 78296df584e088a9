package dev.jinfra.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Targets given on the command line instead of an inventory file: a comma-separated list of {@code host},
 * {@code user@host}, {@code host:port}, {@code user@host:port}, {@code [ipv6]:port} (or a bare IPv6 address),
 * ranges such as {@code web-[01-05]}, {@code @local} for this machine, and {@code @docker/NAME},
 * {@code @podman/NAME} and {@code @chroot/PATH} for containers and chroot directories ({@link ConnectTarget}).
 * The user and port become the host's {@code ssh_user} and {@code ssh_port}.
 *
 * <p>A host is named by its host part alone ({@code root@web-01:2222} is {@code web-01}), unless several
 * targets share that host part with different users or ports: then each of them is named as written
 * ({@code 127.0.0.1:2201}, {@code 127.0.0.1:2202}, {@code bob@h}), so that every distinct target is a host of
 * its own. A target given twice is one host.
 */
final class TargetList {
    static final String SOURCE = "command line";

    private TargetList() {}

    /** One target after range expansion; {@code user} and {@code port} are null when not given. */
    private record Target(String user, String host, Integer port) {
        /** The target as a user would write it, with an IPv6 address in brackets where a user or port follows. */
        String written() {
            String address = host.indexOf(':') >= 0 && (user != null || port != null) ? "[" + host + "]" : host;
            return (user == null ? "" : user + "@") + address + (port == null ? "" : ":" + port);
        }
    }

    static InventoryDraft parse(String spec) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String item : split(spec)) {
            targets.addAll(targets(item));
        }
        Map<String, Integer> sharing = new HashMap<>();
        targets.forEach(t -> sharing.merge(t.host(), 1, Integer::sum));
        var draft = new InventoryDraft(SOURCE);
        for (Target target : targets) {
            if (ConnectTarget.isSpecial(target.host())) {
                draft.addHost(null, target.host(), Map.of(), 0);
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            if (target.user() != null) {
                data.put(HostKeys.SSH_USER, target.user());
            }
            if (target.port() != null) {
                data.put(HostKeys.SSH_PORT, target.port());
            }
            String name = target.host();
            if (sharing.get(target.host()) > 1) {
                name = target.written();
                data.put(HostKeys.SSH_HOSTNAME, target.host());
            }
            draft.addHost(null, name, data, 0);
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

    /** The targets one item stands for: one, or one per name of a range. */
    private static List<Target> targets(String item) {
        if (ConnectTarget.isSpecial(item)) {
            // @local, @docker/web-[1-3], @chroot/srv/root: no user or port; the draft checks each name.
            return HostPattern.expand(item, SOURCE, 0).stream()
                    .map(name -> new Target(null, name, null))
                    .toList();
        }
        String user = null;
        String hostPort = item;
        int at = item.lastIndexOf('@');
        if (at > 0) {
            user = item.substring(0, at);
            hostPort = item.substring(at + 1);
        }
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")
                && hostPort.indexOf(']') > 0
                && isIpv6(hostPort.substring(1, hostPort.indexOf(']')))) {
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
        Integer portNumber = port == null ? null : port(port, item);
        List<Target> targets = new ArrayList<>();
        // An IPv6 address is one host, not a range: its brackets were taken off above.
        for (String name : isIpv6(host) ? List.of(host) : HostPattern.expand(host, SOURCE, 0)) {
            targets.add(new Target(user, name, portNumber));
        }
        return targets;
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
        return !text.isEmpty()
                && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)
                && (text.contains("::") || colons == 7);
    }

    private static InventoryException error(String problem) {
        return new InventoryException(SOURCE, 0, problem);
    }
}
