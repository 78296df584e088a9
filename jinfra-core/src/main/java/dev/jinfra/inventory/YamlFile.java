package dev.jinfra.inventory;

import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML inventory file as a node tree. The readers walk nodes rather than plain maps so that semantic errors
 * (an unknown child group, a bad range) can name the line; only host and group data, whose structure is free,
 * is turned into Java values. The YAML 1.2 core schema applies: {@code no} and {@code 0777} stay strings.
 *
 * <p>Ansible's vault is read too: a value tagged {@code !vault} becomes a {@link Secret}, and so does every text
 * value of a file encrypted as a whole with {@code ansible-vault encrypt}.
 */
final class YamlFile {
    private static final Tag VAULT = new Tag("!vault");

    private final String source;
    private final LoadSettings settings;
    private final Node root;
    /** The whole file was encrypted: its text values are secrets. */
    private final boolean encrypted;

    private YamlFile(String source, LoadSettings settings, Node root, boolean encrypted) {
        this.source = source;
        this.settings = settings;
        this.root = root;
        this.encrypted = encrypted;
    }

    /** Parses {@code text}, which has no encrypted parts. */
    static YamlFile parse(String source, String text) {
        return parse(source, text, new AnsibleVault(java.util.List.of()));
    }

    /**
     * Parses {@code text}, decrypting it first when it is an ansible-vault file; a syntax error becomes an
     * InventoryException naming the line, and so does a {@code !vault} value the password does not open.
     */
    static YamlFile parse(String source, String text, AnsibleVault vault) {
        return parse(source, text, vault, false);
    }

    /**
     * As {@link #parse(String, String, AnsibleVault)}; {@code ansible} reads plain scalars as Ansible's YAML 1.1
     * reader does ({@link AnsibleYamlSchema}: {@code yes} is true, {@code 0755} is 493), else as YAML 1.2.
     */
    static YamlFile parse(String source, String text, AnsibleVault vault, boolean ansible) {
        boolean encrypted = AnsibleVault.isEncrypted(text);
        String plain = encrypted ? vault.decrypt(text, source, 0) : text;
        ConstructNode vaultValue = node -> {
            int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            if (!(node instanceof ScalarNode scalar)) {
                throw new InventoryException(
                        source, line, "!vault must tag the text ansible-vault encrypt_string wrote");
            }
            return new Secret(vault.decrypt(scalar.getValue(), source, line));
        };
        var builder = LoadSettings.builder().setLabel(source).setTagConstructors(Map.of(VAULT, vaultValue));
        if (ansible) {
            builder.setSchema(new AnsibleYamlSchema());
        }
        LoadSettings settings = builder.build();
        try {
            Optional<Node> root = new Compose(settings).composeString(plain);
            return new YamlFile(source, settings, root.orElse(null), encrypted);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            // Marks count lines from 0.
            // The parser's own message quotes the line, which in a decrypted file is secret, even with --debug.
            throw new InventoryException(
                    source,
                    mark.map(m -> m.getLine() + 1).orElse(0),
                    "YAML syntax error: " + e.getProblem(),
                    encrypted ? null : e);
        } catch (YamlEngineException e) {
            throw new InventoryException(
                    source, 0, "YAML syntax error" + (encrypted ? "" : ": " + e.getMessage()), encrypted ? null : e);
        }
    }

    String source() {
        return source;
    }

    /** The document's top-level node, or null for an empty document. */
    Node root() {
        return root;
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode && node.getTag().equals(Tag.NULL));
    }

    int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    InventoryException error(Node node, String problem) {
        return new InventoryException(source, line(node), problem);
    }

    /** The entries of a mapping (none for null), rejecting other nodes and duplicate keys. */
    List<NodeTuple> entries(Node node, String what) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!seen.add(key(tuple))) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key(tuple) + "' in " + what);
            }
        }
        return mapping.getValue();
    }

    /** The items of a sequence, rejecting other nodes. */
    List<Node> items(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list");
        }
        return sequence.getValue();
    }

    /** A mapping key as written: host names such as {@code 10.0.0.1} or {@code 01} keep their text. */
    String key(NodeTuple tuple) {
        return scalar(tuple.getKeyNode(), "a key");
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw error(node, what + " must be a plain value");
        }
        return scalar.getValue();
    }

    /** A data mapping as Java values (Integer, Boolean, String, List, Map...); null for an empty node. */
    Map<String, Object> data(Node node, String what) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (NodeTuple tuple : entries(node, what)) {
            data.put(key(tuple), value(tuple.getValueNode()));
        }
        return data;
    }

    /** The line of each key of a data mapping (none for null), for messages about the values. */
    Map<String, Integer> keyLines(Node node) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    lines.put(key.getValue(), line(key));
                }
            }
        }
        return lines;
    }

    private Object value(Node node) {
        if (node instanceof ScalarNode scalar
                && node.getTag().equals(VAULT)
                && scalar.getValue().isBlank()) {
            throw error(node, "!vault with no encrypted text");
        }
        try {
            Object value = new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
            return frozen(encrypted ? secretTexts(value) : value);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new InventoryException(
                    source, mark.map(m -> m.getLine() + 1).orElse(line(node)), e.getProblem(), encrypted ? null : e);
        } catch (YamlEngineException e) {
            // A !vault value that does not open: the constructor's own error, which names the file and line.
            if (e.getCause() instanceof InventoryException problem) {
                throw problem;
            }
            throw new InventoryException(
                    source,
                    line(node),
                    encrypted ? "a value that cannot be read" : e.getMessage(),
                    encrypted ? null : e);
        }
    }

    /** Every text in a decrypted file's value, nested ones too, as a Secret; numbers and booleans stay as they are. */
    private static Object secretTexts(Object value) {
        if (value instanceof String text) {
            return new Secret(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, secretTexts(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(YamlFile::secretTexts).toList();
        }
        return value;
    }

    /** Hosts are immutable, so nested lists and maps in their data are made unmodifiable too. */
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            // Stream.toList is unmodifiable and, unlike List.copyOf, keeps null items.
            return list.stream().map(YamlFile::frozen).toList();
        }
        if (value instanceof Set<?> set) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(set));
        }
        return value;
    }

    /** Names in a list, or the keys of a mapping whose values must be empty: both read as a list of names. */
    List<Node> nameNodes(Node node, String what) {
        if (isNull(node)) {
            return List.of();
        }
        List<Node> names = new ArrayList<>();
        if (node instanceof MappingNode) {
            entries(node, what).forEach(t -> names.add(t.getKeyNode()));
        } else {
            names.addAll(items(node, what));
        }
        return names;
    }
}
