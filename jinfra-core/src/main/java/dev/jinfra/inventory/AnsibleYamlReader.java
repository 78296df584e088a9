package dev.jinfra.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * An Ansible YAML inventory: {@code all: {hosts, vars, children}}, where each child is a group of the same
 * shape, nested to any depth. Without a top-level {@code all}, every top-level key is a group.
 *
 * <p>A group may appear under several parents; its definitions merge. A child whose value is empty is only a
 * reference, so it must be defined (with a mapping, even an empty one) somewhere else.
 */
final class AnsibleYamlReader {
    private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");

    private final YamlFile yaml;
    private final InventoryDraft draft;

    AnsibleYamlReader(YamlFile yaml) {
        this.yaml = yaml;
        this.draft = new InventoryDraft(yaml.source());
        draft.ansible = true;
    }

    /** True when the top level looks like Ansible's: an {@code all} key, or only groups with Ansible's keys. */
    static boolean looksLikeAnsible(YamlFile yaml) {
        if (!(yaml.root() instanceof MappingNode root)) {
            return false;
        }
        List<NodeTuple> entries = root.getValue();
        if (entries.stream().anyMatch(e -> isScalar(e.getKeyNode(), "all"))) {
            return true;
        }
        return !entries.isEmpty()
                && entries.stream()
                        .allMatch(e -> e.getValueNode() instanceof MappingNode group
                                && !group.getValue().isEmpty()
                                && group.getValue().stream()
                                        .allMatch(g -> GROUP_KEYS.stream().anyMatch(k -> isScalar(g.getKeyNode(), k))));
    }

    private static boolean isScalar(Node node, String text) {
        return node instanceof ScalarNode s && s.getValue().equals(text);
    }

    InventoryDraft read() {
        for (NodeTuple entry : yaml.entries(yaml.root(), "the inventory")) {
            String name = yaml.key(entry);
            // At the top level an empty value is an empty group, not a reference.
            draft.defineGroup(name, yaml.line(entry.getKeyNode()));
            readGroup(name, entry);
        }
        return draft;
    }

    private void readGroup(String name, NodeTuple group) {
        Node body = group.getValueNode();
        if (YamlFile.isNull(body)) {
            return;
        }
        draft.defineGroup(name, yaml.line(group.getKeyNode()));
        for (NodeTuple entry : yaml.entries(body, "group '" + name + "'")) {
            String key = yaml.key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "vars" ->
                    draft.addGroupData(
                            name,
                            AnsibleVars.translate(yaml.data(value, "vars of group '" + name + "'")),
                            AnsibleVars.translateLines(yaml.keyLines(value)),
                            yaml.line(value));
                case "hosts" -> {
                    for (NodeTuple host : yaml.entries(value, "hosts of group '" + name + "'")) {
                        String written = yaml.key(host);
                        int line = yaml.line(host.getKeyNode());
                        // Ansible's yaml plugin splits host:port too, the port coming before the host's variables.
                        var hostPort = AnsibleHostPort.parse(written, yaml.source(), line);
                        Map<String, Object> vars = new LinkedHashMap<>();
                        if (hostPort.port() != null) {
                            vars.put("ansible_port", hostPort.port());
                        }
                        vars.putAll(yaml.data(host.getValueNode(), "vars of host '" + written + "'"));
                        hostPort.addTo(
                                draft,
                                name,
                                AnsibleVars.translate(vars),
                                AnsibleVars.translateLines(yaml.keyLines(host.getValueNode())),
                                line);
                    }
                }
                case "children" -> {
                    for (NodeTuple child : yaml.entries(value, "children of group '" + name + "'")) {
                        draft.addChild(name, yaml.key(child), yaml.line(child.getKeyNode()));
                        readGroup(yaml.key(child), child);
                    }
                }
                default ->
                    throw yaml.error(
                            entry.getKeyNode(),
                            "unknown key '" + key + "' in group '" + name + "' (expected children, hosts or vars)");
            }
        }
    }
}
