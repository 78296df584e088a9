package dev.jinfra.inventory;

import dev.jinfra.inventory.InventoryDraft.ChildRef;
import dev.jinfra.inventory.InventoryDraft.GroupDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which an Ansible inventory's groups lay their variables over each other, as Ansible sorts a
 * host's groups: by depth (a group under {@code all} is 1, a child one more than its deepest parent), then by
 * {@code ansible_group_priority} (default 1), then by name; later wins. Playbooks written for those inventories
 * rely on it, for example on the alphabetically later of two sibling groups winning.
 *
 * <p>{@code ansible_group_priority} is taken out of the group's data: Ansible does not make it a variable.
 */
final class AnsibleGroupOrder {
    static final String PRIORITY = "ansible_group_priority";

    private final InventoryDraft draft;
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, Integer> depths = new HashMap<>();
    private final Map<String, Integer> priorities = new HashMap<>();

    /** Call once the groups are known to exist and form no cycle. */
    AnsibleGroupOrder(InventoryDraft draft) {
        this.draft = draft;
        for (GroupDraft group : draft.groups.values()) {
            for (ChildRef child : group.children) {
                parents.computeIfAbsent(child.name(), c -> new ArrayList<>()).add(group.name);
            }
            Object priority = dev.jinfra.command.Secret.revealed(group.data.remove(PRIORITY));
            Place place = group.dataLines.remove(PRIORITY);
            priorities.put(
                    group.name,
                    priority == null
                            ? 1
                            : priority(priority, place == null ? new Place(group.file, group.line) : place));
        }
    }

    /** {@code groups} weakest first. */
    List<String> sort(List<String> groups) {
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingInt(this::depth)
                .thenComparingInt(priorities::get)
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    private int depth(String group) {
        Integer known = depths.get(group);
        if (known != null) {
            return known;
        }
        int depth = 1
                + parents.getOrDefault(group, List.of()).stream()
                        .mapToInt(this::depth)
                        .max()
                        .orElse(0);
        depths.put(group, depth);
        return depth;
    }

    /** Ansible applies int() to the value: INI gives strings, YAML numbers. */
    private int priority(Object value, Place place) {
        try {
            return value instanceof Number n
                    ? new BigDecimal(n.toString()).intValueExact()
                    : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InventoryException(
                    place.file(), place.line(), PRIORITY + " must be a whole number, not '" + value + "'");
        }
    }
}
