package dev.jinfra.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an inventory reader collects, before groups are resolved: hosts with their own data, groups with
 * their data, hosts and child groups, and the data for all hosts. Every format's reader fills one of these,
 * so nesting, precedence and error checks live in one place ({@link InventoryAssembler}).
 *
 * <p>The group named {@code all} is the root every format shares (Ansible's {@code all}, {@code [all:vars]}):
 * its data is the data for all hosts and its hosts are ungrouped hosts; it is not listed as a group.
 *
 * <p>Beside each piece of data the draft keeps the line each key was written on, so that a bad value found
 * later (a port that is not a number) can be reported at its place in the file.
 */
final class InventoryDraft {
    static final String ALL = "all";

    /** Characters that would make a group name ambiguous in a {@code --limit} pattern. */
    private static final String GROUP_NAME_FORBIDDEN = ",:!&@*?[]~";

    /** A child group listed under a parent, at {@code line} of {@code file}. */
    record ChildRef(String parent, String name, String file, int line) {}

    /** A group as written: {@code line} is where it was first mentioned, used in error messages. */
    static final class GroupDraft {
        final String name;
        final String file;
        final int line;
        boolean defined;
        final Map<String, Object> data = new LinkedHashMap<>();
        final Map<String, Place> dataLines = new HashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final List<ChildRef> children = new ArrayList<>();

        GroupDraft(String name, String file, int line) {
            this.name = name;
            this.file = file;
            this.line = line;
        }
    }

    final String source;
    final Map<String, Object> allData = new LinkedHashMap<>();
    final Map<String, Place> allDataLines = new HashMap<>();
    /** Host name to the host's own data, in order of first mention. */
    final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
    /** Host name to where each key of its own data was written. */
    final Map<String, Map<String, Place>> hostDataLines = new HashMap<>();
    /** Ansible's variables get their meaning once a host's data is merged ({@link AnsibleVars#resolve}). */
    boolean ansible;
    /** For Ansible inventories: the directories whose group_vars and host_vars apply, weakest first. */
    final List<AnsibleVarsDir> varsDirs = new ArrayList<>();
    /** The inventory file itself, which Ansible's {@code inventory_file} names; null when not read from one. */
    java.nio.file.Path file;
    /** Host name to the file it was first read from, where an inventory is read from several (a directory). */
    final Map<String, java.nio.file.Path> hostFiles = new HashMap<>();
    /** Groups in order of first mention, which is the order used between unrelated groups. */
    final Map<String, GroupDraft> groups = new LinkedHashMap<>();
    /** Children listed under {@code all}: every group is under all anyway, so these are only checked to exist. */
    final List<ChildRef> allChildren = new ArrayList<>();

    InventoryDraft(String source) {
        this.source = source;
    }

    /** Declares a group (possibly empty); a group only referenced as a child must be declared somewhere. */
    void defineGroup(String name, int line) {
        if (!name.equals(ALL)) {
            group(name, line).defined = true;
        }
    }

    void addGroupData(String group, Map<String, Object> data, int line) {
        addGroupData(group, data, Map.of(), line);
    }

    /** @param keyLines the line of each key, where it differs from {@code line} */
    void addGroupData(String group, Map<String, Object> data, Map<String, Integer> keyLines, int line) {
        if (group.equals(ALL)) {
            allData.putAll(data);
            putLines(allDataLines, data, keyLines, line);
        } else {
            defineGroup(group, line);
            GroupDraft g = group(group, line);
            g.data.putAll(data);
            putLines(g.dataLines, data, keyLines, line);
        }
    }

    /**
     * Adds the hosts a pattern expands to, with their own data (later definitions of a host win key by key).
     *
     * @param group the group they belong to, or null (or {@code all}) for ungrouped hosts
     */
    void addHosts(String group, String pattern, Map<String, Object> data, int line) {
        addHosts(group, pattern, data, Map.of(), line);
    }

    /** @param keyLines the line of each key of {@code data}, where it differs from {@code line} */
    void addHosts(String group, String pattern, Map<String, Object> data, Map<String, Integer> keyLines, int line) {
        for (String name : HostPattern.expand(pattern, source, line)) {
            addHost(group, name, data, keyLines, line);
        }
    }

    /** Adds one host by its name as it is, without range expansion. */
    void addHost(String group, String name, Map<String, Object> data, int line) {
        addHost(group, name, data, Map.of(), line);
    }

    /** As {@link #addHost(String, String, Map, int)}, with the line of each key where it differs from {@code line}. */
    void addHost(String group, String name, Map<String, Object> data, Map<String, Integer> keyLines, int line) {
        boolean grouped = group != null && !group.equals(ALL);
        if (grouped) {
            defineGroup(group, line);
        }
        if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
            throw new InventoryException(source, line, "bad host name '" + name + "'");
        }
        if (ConnectTarget.isSpecial(name)) {
            // @docker/web, @chroot/srv/root: checked where it is written, in files and on the command line alike.
            try {
                ConnectTarget.ofName(name);
            } catch (IllegalArgumentException e) {
                throw new InventoryException(source, line, e.getMessage());
            }
        }
        hosts.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(data);
        putLines(hostDataLines.computeIfAbsent(name, n -> new HashMap<>()), data, keyLines, line);
        if (grouped) {
            groups.get(group).hosts.add(name);
        }
    }

    private void putLines(Map<String, Place> lines, Map<String, Object> data, Map<String, Integer> keyLines, int line) {
        for (String key : data.keySet()) {
            lines.put(key, new Place(source, keyLines.getOrDefault(key, line)));
        }
    }

    void addChild(String parent, String child, int line) {
        GroupDraft childGroup = group(child, line);
        if (!parent.equals(ALL)) {
            defineGroup(parent, line);
            groups.get(parent).children.add(new ChildRef(parent, childGroup.name, source, line));
        } else {
            allChildren.add(new ChildRef(parent, child, source, line));
        }
    }

    private GroupDraft group(String name, int line) {
        if (name.isEmpty()
                || name.chars().anyMatch(c -> Character.isWhitespace(c) || GROUP_NAME_FORBIDDEN.indexOf(c) >= 0)) {
            throw new InventoryException(source, line, "bad group name '" + name + "'");
        }
        if (name.equals(ALL)) {
            throw new InventoryException(source, line, "group 'all' cannot be a child group");
        }
        return groups.computeIfAbsent(name, n -> new GroupDraft(n, source, line));
    }

    /**
     * Adds what another file of the same inventory holds, as Ansible reads the files of an inventory directory one
     * after another into one inventory: the later file's values win, groups keep the order they were first
     * mentioned in, and each value and group keeps the file it was written in.
     */
    void addAll(InventoryDraft other) {
        ansible |= other.ansible;
        allData.putAll(other.allData);
        allDataLines.putAll(other.allDataLines);
        other.hosts.forEach((name, data) -> {
            if (!hosts.containsKey(name) && other.file != null) {
                hostFiles.put(name, other.file);
            }
            hosts.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(data);
        });
        other.hostDataLines.forEach((name, places) ->
                hostDataLines.computeIfAbsent(name, n -> new HashMap<>()).putAll(places));
        other.groups.forEach((name, theirs) -> {
            GroupDraft ours = groups.computeIfAbsent(name, n -> new GroupDraft(n, theirs.file, theirs.line));
            ours.defined |= theirs.defined;
            ours.data.putAll(theirs.data);
            ours.dataLines.putAll(theirs.dataLines);
            ours.hosts.addAll(theirs.hosts);
            ours.children.addAll(theirs.children);
        });
        allChildren.addAll(other.allChildren);
    }

    /** Resolves groups and data precedence into an {@link Inventory}. */
    Inventory build() {
        return new InventoryAssembler(this).assemble();
    }
}
