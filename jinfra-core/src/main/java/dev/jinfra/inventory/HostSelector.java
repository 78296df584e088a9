package dev.jinfra.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code --limit} pattern language, close to Ansible's.
 *
 * <p>A pattern is a list of items separated by {@code ,} or {@code :} (not inside brackets, so
 * {@code web[01:05]} stays one item; nor inside a host name or an IPv6 address, so {@code ::1} and
 * {@code 127.0.0.1:2202} stay one item). Several patterns (several {@code --limit} flags) are one list. Items:
 * <ul>
 *   <li>a group name, a host name, {@code all} or {@code *};</li>
 *   <li>a glob over host and group names: {@code web-*}, {@code db-?};</li>
 *   <li>a range: {@code web-[01-05]};</li>
 *   <li>{@code ~regex}: a regular expression matched from the start of host and group names, as in Ansible;</li>
 *   <li>a group with an Ansible subscript: {@code web[0]}, {@code web[-1]}, {@code web[0:2]} (0-based, both
 *       ends included, {@code web[2:]} to the last), in inventory order; only where the name before the
 *       bracket is a group, since otherwise it is a range;</li>
 *   <li>{@code @file}: the host (or group) names in a file, one per line, {@code #} starts a comment; the
 *       file is read relative to the working directory and names no longer in the inventory are skipped;</li>
 *   <li>{@code !item} to exclude, {@code &item} to intersect.</li>
 * </ul>
 * The result is (union of the plain items, or every host when there are none) intersected with each
 * {@code &} item, minus each {@code !} item, in inventory order.
 *
 * <p>Every item must match at least one host or group, {@code !} and {@code &} items included: a mistyped
 * exclusion that silently excluded nothing would run commands on the very hosts meant to be spared.
 * An empty result is an error too.
 */
public final class HostSelector {
    private static final String SOURCE = "--limit";
    /** Ansible's subscript on a pattern: {@code name[3]}, {@code name[-1]}, {@code name[1:3]}, {@code name[1:]}. */
    private static final Pattern SUBSCRIPT = Pattern.compile("(.+)\\[(?:(-?\\d{1,9})|(\\d{1,9}):(\\d{0,9}))]");

    private HostSelector() {}

    /** The hosts of {@code inventory} selected by {@code patterns}, in inventory order. */
    public static List<Host> select(Inventory inventory, List<String> patterns, Path cwd) {
        Set<String> union = new LinkedHashSet<>();
        List<Set<String>> intersections = new ArrayList<>();
        Set<String> excluded = new LinkedHashSet<>();
        boolean anyPositive = false;
        for (String pattern : patterns) {
            for (String item : items(inventory, pattern)) {
                if (item.startsWith("!")) {
                    excluded.addAll(match(inventory, item.substring(1), item, cwd));
                } else if (item.startsWith("&")) {
                    intersections.add(match(inventory, item.substring(1), item, cwd));
                } else {
                    union.addAll(match(inventory, item, item, cwd));
                    anyPositive = true;
                }
            }
        }
        final boolean everything = !anyPositive;
        List<Host> selected = inventory.hosts().stream()
                .filter(h -> everything || union.contains(h.name()))
                .filter(h -> intersections.stream().allMatch(set -> set.contains(h.name())))
                .filter(h -> !excluded.contains(h.name()))
                .toList();
        if (selected.isEmpty()) {
            throw new InventoryException(SOURCE, 0, "no hosts left after '" + String.join(",", patterns) + "'");
        }
        return selected;
    }

    /**
     * Splits a pattern at ',' outside brackets, then each piece at ':' outside brackets, unless the piece (after
     * a leading ! or &amp;) names a host or group or looks like an IPv6 address ({@code ::1}, {@code fe80::*}):
     * those contain ':' but are one item.
     */
    static List<String> items(Inventory inventory, String pattern) {
        List<String> items = new ArrayList<>();
        for (String piece : splitOutsideBrackets(pattern, ',')) {
            String body = piece.startsWith("!") || piece.startsWith("&") ? piece.substring(1) : piece;
            // A regular expression may well contain ':', as in (?:a|b).
            boolean whole = inventory.host(body).isPresent()
                    || inventory.groups().containsKey(body)
                    || body.contains("::")
                    || TargetList.isIpv6(body)
                    || body.startsWith("~");
            if (whole) {
                items.add(piece);
            } else {
                items.addAll(splitOutsideBrackets(piece, ':'));
            }
        }
        return items;
    }

    private static List<String> splitOutsideBrackets(String text, char separator) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        var current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (c == separator && depth == 0) {
                addItem(items, current);
            } else {
                current.append(c);
            }
        }
        addItem(items, current);
        return items;
    }

    private static void addItem(List<String> items, StringBuilder current) {
        String item = current.toString().strip();
        if (!item.isEmpty()) {
            items.add(item);
        }
        current.setLength(0);
    }

    /** Names of the hosts an item (without its ! or &amp;) selects; {@code written} is the item for errors. */
    private static Set<String> match(Inventory inventory, String body, String written, Path cwd) {
        Set<String> names = new LinkedHashSet<>();
        if (body.startsWith("@") && inventory.host(body).isPresent()) {
            // A host named like @local or @docker/web, rather than a file of names.
            names.add(body);
            return names;
        }
        if (body.startsWith("@")) {
            for (String line : readNames(cwd, body.substring(1))) {
                names.addAll(matchName(inventory, line));
            }
            if (names.isEmpty()) {
                throw new InventoryException(
                        SOURCE, 0, "no host or group in '" + body.substring(1) + "' is in the inventory");
            }
            return names;
        }
        Matcher subscript = SUBSCRIPT.matcher(body);
        if (body.equals("all") || body.equals("*")) {
            inventory.hosts().forEach(h -> names.add(h.name()));
        } else if (body.startsWith("~")) {
            names.addAll(matchRegex(inventory, body.substring(1), written));
        } else if (subscript.matches() && inventory.groups().containsKey(subscript.group(1))) {
            names.addAll(subscript(inventory.groups().get(subscript.group(1)), subscript, written));
        } else {
            names.addAll(matchName(inventory, body));
            if (names.isEmpty() && HostPattern.hasRange(body)) {
                for (String name : HostPattern.expand(body, SOURCE, 0)) {
                    names.addAll(matchName(inventory, name));
                }
            }
        }
        if (names.isEmpty()) {
            throw new InventoryException(SOURCE, 0, "no host or group matches '" + written + "'");
        }
        return names;
    }

    /** Ansible's {@code re.match}: anchored at the start of the name only, over group and host names. */
    private static Set<String> matchRegex(Inventory inventory, String regex, String written) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InventoryException(
                    SOURCE,
                    0,
                    "bad regular expression in '" + written + "': " + e.getDescription()
                            + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        Set<String> names = new LinkedHashSet<>();
        inventory.groups().forEach((group, members) -> {
            if (pattern.matcher(group).lookingAt()) {
                names.addAll(members);
            }
        });
        inventory.hosts().stream()
                .map(Host::name)
                .filter(n -> pattern.matcher(n).lookingAt())
                .forEach(names::add);
        return names;
    }

    /** {@code [i]} (negative counts from the end) or {@code [from:to]} with both ends included, as in Ansible. */
    private static List<String> subscript(List<String> members, Matcher m, String written) {
        int size = members.size();
        if (m.group(2) != null) {
            int index = Integer.parseInt(m.group(2));
            int at = index < 0 ? size + index : index;
            if (at < 0 || at >= size) {
                throw new InventoryException(
                        SOURCE,
                        0,
                        "'" + written + "': group '" + m.group(1) + "' has " + size + " host" + (size == 1 ? "" : "s")
                                + ", so there is no index " + index);
            }
            return List.of(members.get(at));
        }
        int from = Integer.parseInt(m.group(3));
        int to = m.group(4).isEmpty() ? size - 1 : Math.min(Integer.parseInt(m.group(4)), size - 1);
        return from > to ? List.of() : members.subList(from, to + 1);
    }

    /** A group name, a host name or a glob over both. */
    private static Set<String> matchName(Inventory inventory, String name) {
        Set<String> names = new LinkedHashSet<>();
        if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
            Pattern glob = glob(name);
            inventory.groups().forEach((group, members) -> {
                if (glob.matcher(group).matches()) {
                    names.addAll(members);
                }
            });
            inventory.hosts().stream()
                    .map(Host::name)
                    .filter(n -> glob.matcher(n).matches())
                    .forEach(names::add);
        } else if (inventory.groups().containsKey(name)) {
            names.addAll(inventory.groups().get(name));
        } else if (inventory.host(name).isPresent()) {
            names.add(name);
        }
        return names;
    }

    private static Pattern glob(String glob) {
        var regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String> readNames(Path cwd, String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cwd.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InventoryException(SOURCE, 0, "no such file '" + file + "'");
        } catch (IOException e) {
            throw new InventoryException(SOURCE, 0, "cannot read '" + file + "': " + e.getMessage());
        }
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
