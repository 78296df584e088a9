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
 * <p>Ansible inventories follow Ansible's order instead ({@link AnsibleGroupOrder}), and add the
 * {@code group_vars} and {@code host_vars} files beside the inventory and the deploy files ({@link AnsibleVarsDir}).
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
        Map<String, Map<String, Place>> places = new HashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        for (String name : draft.hosts.keySet()) {
            List<String> groups = groupsOf(name);
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Place> dataPlaces = new HashMap<>();
            if (draft.ansible) {
                mergeAnsibleData(groups, name, data, dataPlaces);
                AnsibleVars.resolve(name, data, dataPlaces, warnings);
            } else {
                mergeData(groups, name, data, dataPlaces);
            }
            hosts.add(new Host(name, groups, NumericData.normalize(data)));
            places.put(name, dataPlaces);
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        draft.groups.keySet().forEach(g -> members.put(g, new ArrayList<>()));
        for (Host host : hosts) {
            host.groups().forEach(g -> members.get(g).add(host.name()));
        }
        Map<String, java.nio.file.Path> files = new HashMap<>();
        for (String name : draft.hosts.keySet()) {
            java.nio.file.Path file = draft.hostFiles.getOrDefault(name, draft.file);
            if (file != null) {
                files.put(name, file);
            }
        }
        return new Inventory(
                draft.source, hosts, members, places, List.copyOf(warnings.values()), draft.ansible, files);
    }

    private void checkChildrenExist() {
        List<ChildRef> refs = new ArrayList<>(draft.allChildren);
        draft.groups.values().forEach(g -> refs.addAll(g.children));
        refs.sort((a, b) -> Integer.compare(a.line(), b.line()));
        for (ChildRef ref : refs) {
            if (!draft.groups.get(ref.name()).defined) {
                throw new InventoryException(
                        ref.file(),
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
                        child.file(),
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

    /** Fills {@code data} with the host's merged data and {@code places} with where each value came from. */
    private void mergeData(List<String> groups, String host, Map<String, Object> data, Map<String, Place> places) {
        apply(data, places, draft.allData, draft.allDataLines);
        for (String group : precedenceOrder(groups)) {
            GroupDraft g = draft.groups.get(group);
            apply(data, places, g.data, g.dataLines);
        }
        apply(data, places, draft.hosts.get(host), draft.hostDataLines.getOrDefault(host, Map.of()));
    }

    /**
     * As {@link #mergeData}, in the order of Ansible's variable manager (its default {@code VARIABLE_PRECEDENCE}),
     * weakest first: the inventory file's {@code all} vars, its group vars; {@code group_vars/all} beside the
     * inventory, then beside the deploy files; {@code group_vars/GROUP} beside the inventory, then beside the
     * deploy files; the inventory file's host vars; {@code host_vars/HOST} beside the inventory, then beside the
     * deploy files. Groups go in {@link AnsibleGroupOrder}'s order at each step.
     */
    private void mergeAnsibleData(
            List<String> groups, String host, Map<String, Object> data, Map<String, Place> places) {
        List<String> sorted = ansibleOrder.sort(groups);
        apply(data, places, draft.allData, draft.allDataLines);
        for (String group : sorted) {
            GroupDraft g = draft.groups.get(group);
            apply(data, places, g.data, g.dataLines);
        }
        for (AnsibleVarsDir dir : draft.varsDirs) {
            apply(data, places, dir.group(InventoryDraft.ALL));
        }
        // Ansible puts a host that is in no group in 'ungrouped', whose vars files then apply.
        List<String> fileGroups = sorted.isEmpty() ? List.of("ungrouped") : sorted;
        for (AnsibleVarsDir dir : draft.varsDirs) {
            fileGroups.forEach(group -> apply(data, places, dir.group(group)));
        }
        apply(data, places, draft.hosts.get(host), draft.hostDataLines.getOrDefault(host, Map.of()));
        for (AnsibleVarsDir dir : draft.varsDirs) {
            apply(data, places, dir.host(host));
        }
    }

    private void apply(Map<String, Object> data, Map<String, Place> places, AnsibleVarsDir.Layer layer) {
        apply(data, places, layer.data(), layer.places());
    }

    private void apply(
            Map<String, Object> data,
            Map<String, Place> places,
            Map<String, Object> layer,
            Map<String, Place> layerPlaces) {
        layer.forEach((key, value) -> {
            if (value == null) {
                data.remove(key);
                places.remove(key);
            } else {
                data.put(key, value);
                places.put(key, layerPlaces.getOrDefault(key, new Place(draft.source, 0)));
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
