package dev.jinfra.inventory;

import dev.jinfra.inventory.InventoryDraft.ChildRef;
import dev.jinfra.inventory.InventoryDraft.GroupDraft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Turns an {@link InventoryDraft} into an {@link Inventory}: checks child groups exist and do not form
 * cycles, works out every host's groups (ancestors included) and merges its data.
 *
 * <p>Data precedence, lowest first: data for all hosts, group data, the host's own data (command-line data
 * is laid over later by {@link Inventory#withData}). Among a host's groups, a child group's data beats its
 * parents'; unrelated groups apply in order of first mention, so the later one wins. When both rules cannot
 * hold at once (a child mentioned before an unrelated group that is mentioned before the child's parent), the
 * child-beats-parent rule wins. A null value removes the key, so a host can unset a group's value.
 *
 * <p>Ansible inventories follow Ansible's order instead ({@link AnsibleGroupOrder}).
 */
final class InventoryAssembler {
    private final InventoryDraft draft;
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, Set<String>> ancestors = new HashMap<>();
    private AnsibleGroupOrder ansibleOrder;

    InventoryAssembler(InventoryDraft draft) {
        this.draft = draft;
        int index = 0;
        for (String name : draft.groups.keySet()) {
            order.put(name, index++);
        }
    }

    Inventory assemble() {
        checkChildrenExist();
        checkNoCycles();
        if (draft.ansible) {
            ansibleOrder = new AnsibleGroupOrder(draft);
        }
        if (draft.hosts.isEmpty()) {
            throw new InventoryException(draft.source, 0, "no hosts");
        }
        List<Host> hosts = new ArrayList<>();
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        for (var entry : draft.hosts.entrySet()) {
            String name = entry.getKey();
            List<String> groups = groupsOf(name);
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Integer> dataLines = new HashMap<>();
            mergeData(groups, name, data, dataLines);
            if (draft.ansible) {
                AnsibleVars.resolve(draft.source, name, data, dataLines, warnings);
            }
            hosts.add(new Host(name, groups, NumericData.normalize(data)));
            lines.put(name, dataLines);
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        draft.groups.keySet().forEach(g -> members.put(g, new ArrayList<>()));
        for (Host host : hosts) {
            host.groups().forEach(g -> members.get(g).add(host.name()));
        }
        return new Inventory(draft.source, hosts, members, lines, List.copyOf(warnings.values()));
    }

    private void checkChildrenExist() {
        List<ChildRef> refs = new ArrayList<>(draft.allChildren);
        draft.groups.values().forEach(g -> refs.addAll(g.children));
        refs.sort((a, b) -> Integer.compare(a.line(), b.line()));
        for (ChildRef ref : refs) {
            if (!draft.groups.get(ref.name()).defined) {
                throw new InventoryException(
                        draft.source,
                        ref.line(),
                        "group '" + ref.parent() + "' has unknown child group '" + ref.name() + "'");
            }
        }
    }

    private void checkNoCycles() {
        Set<String> done = new HashSet<>();
        for (GroupDraft group : draft.groups.values()) {
            visit(group, new ArrayList<>(), done);
        }
    }

    /** Depth-first walk down child links; {@code path} holds the groups being visited. */
    private void visit(GroupDraft group, List<String> path, Set<String> done) {
        if (done.contains(group.name)) {
            return;
        }
        path.add(group.name);
        for (ChildRef child : group.children) {
            int at = path.indexOf(child.name());
            if (at >= 0) {
                List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
                cycle.add(child.name());
                throw new InventoryException(
                        draft.source,
                        child.line(),
                        "group '" + child.name() + "' contains itself: " + String.join(" -> ", cycle));
            }
            visit(draft.groups.get(child.name()), path, done);
        }
        path.removeLast();
        done.add(group.name);
    }

    /** Every group containing the host, directly or through child groups, in order of first mention. */
    private List<String> groupsOf(String host) {
        Set<String> all = new HashSet<>();
        for (GroupDraft group : draft.groups.values()) {
            if (group.hosts.contains(host)) {
                all.add(group.name);
                all.addAll(ancestorsOf(group.name));
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
        return sorted;
    }

    private Set<String> ancestorsOf(String group) {
        Set<String> known = ancestors.get(group);
        if (known != null) {
            return known;
        }
        Set<String> found = new LinkedHashSet<>();
        for (GroupDraft candidate : draft.groups.values()) {
            if (candidate.children.stream().anyMatch(c -> c.name().equals(group))) {
                found.add(candidate.name);
                found.addAll(ancestorsOf(candidate.name));
            }
        }
        ancestors.put(group, Collections.unmodifiableSet(found));
        return found;
    }

    /** Fills {@code data} with the host's merged data and {@code lines} with the line each value came from. */
    private void mergeData(List<String> groups, String host, Map<String, Object> data, Map<String, Integer> lines) {
        apply(data, lines, draft.allData, draft.allDataLines);
        for (String group : ansibleOrder != null ? ansibleOrder.sort(groups) : precedenceOrder(groups)) {
            GroupDraft g = draft.groups.get(group);
            apply(data, lines, g.data, g.dataLines);
        }
        apply(data, lines, draft.hosts.get(host), draft.hostDataLines.getOrDefault(host, Map.of()));
    }

    private static void apply(
            Map<String, Object> data,
            Map<String, Integer> lines,
            Map<String, Object> layer,
            Map<String, Integer> layerLines) {
        layer.forEach((key, value) -> {
            if (value == null) {
                data.remove(key);
                lines.remove(key);
            } else {
                data.put(key, value);
                lines.put(key, layerLines.getOrDefault(key, 0));
            }
        });
    }

    /**
     * The host's groups, weakest first: a topological order (parents before children) that otherwise follows
     * the order of first mention.
     */
    private List<String> precedenceOrder(List<String> groups) {
        Map<String, Integer> parentsLeft = new HashMap<>();
        for (String group : groups) {
            parentsLeft.put(group, (int)
                    ancestorsOf(group).stream().filter(groups::contains).count());
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(order.get(a), order.get(b)));
        parentsLeft.forEach((group, left) -> {
            if (left == 0) {
                ready.add(group);
            }
        });
        List<String> result = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.poll();
            result.add(next);
            // Counting ancestors rather than direct parents: a group is ready once all its ancestors are placed.
            for (String group : groups) {
                if (ancestorsOf(group).contains(next) && parentsLeft.merge(group, -1, Integer::sum) == 0) {
                    ready.add(group);
                }
            }
        }
        return result;
    }
}
