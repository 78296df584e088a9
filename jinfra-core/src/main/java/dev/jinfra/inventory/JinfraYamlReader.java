package dev.jinfra.inventory;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * jinfra's own YAML inventory:
 *
 * <pre>{@code
 * data:                         # for all hosts
 *   ssh_user: deploy
 * hosts:                        # hosts outside any group: a mapping to their data, or a list of names
 *   bastion.example.com: { ssh_port: 2222 }
 * groups:
 *   web_servers:
 *     data: { nginx_workers: 4 }
 *     hosts:
 *       web-[01-03].example.com:          # a range; no data
 *       web-04.example.com: { ssh_port: 2222 }
 *   db_servers:
 *     hosts: [db-1.example.com, db-2.example.com]
 *   production:
 *     children: [web_servers, db_servers]
 *     data: { env: prod }
 * }</pre>
 *
 * Keys are checked, so a misspelt {@code chilren} is an error rather than silently ignored.
 */
final class JinfraYamlReader {
    static final Set<String> TOP_LEVEL_KEYS = Set.of("data", "hosts", "groups");
    private static final Set<String> GROUP_KEYS = Set.of("data", "hosts", "children");

    private final YamlFile yaml;
    private final InventoryDraft draft;

    JinfraYamlReader(YamlFile yaml) {
        this.yaml = yaml;
        this.draft = new InventoryDraft(yaml.source());
    }

    InventoryDraft read() {
        for (NodeTuple entry : yaml.entries(yaml.root(), "the inventory")) {
            String key = yaml.key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "data" ->
                    draft.addGroupData(
                            InventoryDraft.ALL, yaml.data(value, "data"), yaml.keyLines(value), yaml.line(value));
                case "hosts" -> readHosts(null, value);
                case "groups" -> {
                    for (NodeTuple group : yaml.entries(value, "groups")) {
                        readGroup(yaml.key(group), group);
                    }
                }
                default ->
                    throw yaml.error(
                            entry.getKeyNode(), "unknown top-level key '" + key + "' (expected data, hosts or groups)");
            }
        }
        return draft;
    }

    private void readGroup(String name, NodeTuple group) {
        draft.defineGroup(name, yaml.line(group.getKeyNode()));
        for (NodeTuple entry : yaml.entries(group.getValueNode(), "group '" + name + "'")) {
            String key = yaml.key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "data" ->
                    draft.addGroupData(
                            name,
                            yaml.data(value, "data of group '" + name + "'"),
                            yaml.keyLines(value),
                            yaml.line(value));
                case "hosts" -> readHosts(name, value);
                case "children" -> {
                    for (Node child : yaml.nameNodes(value, "children of group '" + name + "'")) {
                        draft.addChild(name, yaml.scalar(child, "a child group name"), yaml.line(child));
                    }
                }
                default ->
                    throw yaml.error(
                            entry.getKeyNode(),
                            "unknown key '" + key + "' in group '" + name + "' (expected "
                                    + String.join(
                                            ", ", GROUP_KEYS.stream().sorted().toList()) + ")");
            }
        }
    }

    /** Hosts as a mapping of name to data, or as a list of names or one-entry {@code name: data} mappings. */
    private void readHosts(String group, Node hosts) {
        if (YamlFile.isNull(hosts)) {
            return;
        }
        if (hosts instanceof MappingNode) {
            for (NodeTuple entry : yaml.entries(hosts, "hosts")) {
                addHost(group, entry);
            }
            return;
        }
        for (Node item : yaml.items(hosts, "hosts")) {
            if (item instanceof MappingNode) {
                yaml.entries(item, "a host").forEach(entry -> addHost(group, entry));
            } else {
                draft.addHosts(group, yaml.scalar(item, "a host name"), Map.of(), yaml.line(item));
            }
        }
    }

    private void addHost(String group, NodeTuple entry) {
        String name = yaml.key(entry);
        Map<String, Object> data = yaml.data(entry.getValueNode(), "data of host '" + name + "'");
        draft.addHosts(group, name, data, yaml.keyLines(entry.getValueNode()), yaml.line(entry.getKeyNode()));
    }
}
