package dev.jinfra.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts to work on, in inventory order, and the groups they belong to. Immutable: {@link #withData} and
 * {@link #limit} return new inventories.
 *
 * <p>Load one with {@link InventoryLoader#load}. Each host's data is already merged by precedence, so deploy
 * code reads {@link Host#data()} and never has to know which file or group a value came from.
 */
public final class Inventory {
    private final String source;
    private final List<Host> hosts;
    private final Map<String, Host> byName;
    private final Map<String, List<String>> groups;
    /** Host name to where each data key was written; keys set elsewhere (command line, defaults) are absent. */
    private final Map<String, Map<String, Place>> places;

    private final List<String> warnings;
    private final boolean ansible;
    /** Host name to the Ansible inventory file it was first read from, for {@code inventory_file} in values. */
    private final Map<String, Path> files;
    /** Evaluates the values that are templates, for Ansible inventories that have them; else null. */
    private final AnsibleTemplating templating;

    /**
     * @param source where the inventory came from (a file name or "command line"), for messages
     * @param groups group name to member host names, nested groups resolved; every member must be a host
     */
    public Inventory(String source, List<Host> hosts, Map<String, List<String>> groups) {
        this(source, hosts, groups, Map.of(), List.of(), false, Map.of());
    }

    Inventory(
            String source,
            List<Host> hosts,
            Map<String, List<String>> groups,
            Map<String, Map<String, Place>> places,
            List<String> warnings,
            boolean ansible,
            Map<String, Path> files) {
        this(source, hosts, groups, places, warnings, ansible, files, null);
    }

    /** @param templating the one to keep (a subset of the same hosts), or null to make one for these hosts */
    private Inventory(
            String source,
            List<Host> hosts,
            Map<String, List<String>> groups,
            Map<String, Map<String, Place>> places,
            List<String> warnings,
            boolean ansible,
            Map<String, Path> files,
            AnsibleTemplating templating) {
        this.source = source;
        this.ansible = ansible;
        this.places = places;
        this.files = files;
        this.warnings = List.copyOf(warnings);
        List<Host> written = hosts.stream()
                .map(h -> h.data() instanceof TemplatedData
                        ? new Host(h.name(), h.groups(), TemplatedData.written(h.data()))
                        : h)
                .toList();
        if (templating == null && ansible && written.stream().anyMatch(h -> AnsibleTemplating.anyTemplate(h.data()))) {
            templating = new AnsibleTemplating(written, groups, places, files);
        }
        this.templating = templating;
        AnsibleTemplating evaluator = templating;
        this.hosts = evaluator == null
                ? List.copyOf(written)
                : written.stream()
                        .map(h -> new Host(h.name(), h.groups(), new TemplatedData(h.data(), evaluator, h.name())))
                        .toList();
        var index = new LinkedHashMap<String, Host>();
        for (Host host : this.hosts) {
            if (index.put(host.name(), host) != null) {
                throw new IllegalArgumentException("duplicate host " + host.name());
            }
        }
        this.byName = Collections.unmodifiableMap(index);
        var copy = new LinkedHashMap<String, List<String>>();
        groups.forEach((group, members) -> {
            for (String member : members) {
                if (!index.containsKey(member)) {
                    throw new IllegalArgumentException("group " + group + " lists unknown host " + member);
                }
            }
            copy.put(group, List.copyOf(members));
        });
        this.groups = Collections.unmodifiableMap(copy);
    }

    /** An inventory whose groups are taken from the hosts' own {@link Host#groups()}. */
    public static Inventory of(String source, List<Host> hosts) {
        var groups = new LinkedHashMap<String, List<String>>();
        for (Host host : hosts) {
            for (String group : host.groups()) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(host.name());
            }
        }
        return new Inventory(source, hosts, groups);
    }

    /** A file name, or "command line" for targets given there. */
    public String source() {
        return source;
    }

    public List<Host> hosts() {
        return hosts;
    }

    /**
     * Whether this was read from an Ansible inventory (INI, or YAML in Ansible's layout): its templates then render
     * in Ansible's template environment unless told otherwise.
     */
    public boolean ansible() {
        return ansible;
    }

    /** A copy that says whether it came from an Ansible inventory; for inventories built in code. */
    public Inventory asAnsible(boolean fromAnsible) {
        return new Inventory(source, hosts, groups, places, warnings, fromAnsible, files);
    }

    public int size() {
        return hosts.size();
    }

    /** Group name to member host names (in inventory order), members of child groups included. */
    public Map<String, List<String>> groups() {
        return groups;
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The line of the inventory file on which the value of {@code key} in a host's data was written, so that a
     * bad value can be reported where it is; 0 when unknown (a target list, data from the command line) or
     * written in another file ({@code group_vars}, {@code host_vars}).
     */
    public int line(String host, String key) {
        Place place = places.getOrDefault(host, Map.of()).get(key);
        return place != null && place.file().equals(source) ? place.line() : 0;
    }

    /**
     * Where the value of {@code key} in a host's data was written, as {@code file:line}: the inventory file or a
     * {@code group_vars}/{@code host_vars} file; empty when unknown (the command line, a target list).
     */
    public Optional<String> where(String host, String key) {
        return Optional.ofNullable(places.getOrDefault(host, Map.of()).get(key))
                .filter(place -> place.line() > 0)
                .map(Place::toString);
    }

    /** What was read but is not used, one message each (e.g. an ssh option jinfra ignores), naming the file. */
    public List<String> warnings() {
        return warnings;
    }

    /** The hosts of a group in inventory order; empty when there is no such group. */
    public List<Host> group(String name) {
        return groups.getOrDefault(name, List.of()).stream().map(byName::get).toList();
    }

    /**
     * A copy in which every host has {@code defaults} under its data: a host's own value (from the inventory,
     * its groups or vars files) wins. For settings from a configuration file, such as Ansible's remote_user.
     */
    public Inventory withDefaults(Map<String, Object> defaults) {
        if (defaults.isEmpty()) {
            return this;
        }
        Map<String, Object> normalized = NumericData.normalize(defaults);
        List<Host> filled = hosts.stream()
                .map(h -> {
                    Map<String, Object> merged = new java.util.LinkedHashMap<>(normalized);
                    merged.putAll(TemplatedData.written(h.data()));
                    return new Host(h.name(), h.groups(), merged);
                })
                .toList();
        return new Inventory(source, filled, groups, places, warnings, ansible, files);
    }

    /** A copy in which every host has {@code cliData} laid over its data: command-line data beats all. */
    public Inventory withData(Map<String, Object> cliData) {
        if (cliData.isEmpty()) {
            return this;
        }
        Map<String, Object> normalized = NumericData.normalize(cliData);
        // Values from the command line have no line in the file.
        Map<String, Map<String, Place>> lines = new HashMap<>();
        places.forEach((host, keys) -> {
            Map<String, Place> left = new HashMap<>(keys);
            left.keySet().removeAll(normalized.keySet());
            lines.put(host, left);
        });
        return new Inventory(
                source,
                hosts.stream().map(h -> h.withData(normalized)).toList(),
                groups,
                lines,
                warnings,
                ansible,
                files);
    }

    /**
     * The hosts selected by {@code --limit} patterns, in inventory order; see {@link HostSelector} for the
     * pattern language. Groups keep their names but list only the remaining hosts.
     *
     * @param cwd directory that {@code @file} items are read relative to
     * @throws InventoryException when an item matches nothing or no host is left
     */
    public Inventory limit(List<String> patterns, Path cwd) {
        if (patterns.isEmpty()) {
            return this;
        }
        return retain(HostSelector.select(this, patterns, cwd));
    }

    /** The hosts with the given names, in inventory order. */
    Inventory retain(Collection<Host> kept) {
        Set<String> names = new HashSet<>();
        kept.forEach(h -> names.add(h.name()));
        var subsetGroups = new LinkedHashMap<String, List<String>>();
        groups.forEach((group, members) ->
                subsetGroups.put(group, members.stream().filter(names::contains).toList()));
        return new Inventory(
                source,
                hosts.stream().filter(h -> names.contains(h.name())).toList(),
                subsetGroups,
                places,
                warnings,
                ansible,
                files,
                // hostvars and groups in values still name every host of the inventory, as Ansible's do.
                templating);
    }

    @Override
    public String toString() {
        return "Inventory[" + source + ": " + HostPattern.fold(byName.keySet()) + "]";
    }
}
