package dev.jinfra.inventory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * Loads an inventory from what the user typed after {@code -i}: a file, or targets.
 *
 * <ul>
 *   <li>An existing {@code .yaml}/{@code .yml} file: jinfra's format ({@link JinfraYamlReader}) or Ansible's
 *       ({@link AnsibleYamlReader}), told apart by their top-level keys.</li>
 *   <li>Any other existing file: an Ansible INI inventory ({@link AnsibleIniReader}).</li>
 *   <li>Anything else: a comma-separated target list ({@link TargetList}), unless it looks like a file path
 *       (contains '/' or ends in .yaml, .yml or .ini), which is then reported as missing.</li>
 * </ul>
 */
public final class InventoryLoader {

    private InventoryLoader() {}

    /**
     * @param spec a file path (relative to {@code cwd}) or a target list
     * @throws InventoryException for any problem, naming the file and line
     */
    public static Inventory load(String spec, Path cwd) {
        String trimmed = spec.strip();
        Path file = resolve(trimmed, cwd);
        if (file != null && Files.isRegularFile(file)) {
            return loadFile(file, trimmed);
        }
        if (file != null && Files.isDirectory(file)) {
            throw new InventoryException(trimmed, 0, "is a directory, not an inventory file");
        }
        if (looksLikeFile(trimmed)) {
            throw new InventoryException(trimmed, 0, "no such inventory file");
        }
        return TargetList.parse(trimmed).build();
    }

    /** Loads an inventory file; messages name it as {@code file} was given. */
    public static Inventory load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InventoryException(file.toString(), 0, "no such inventory file");
        }
        return loadFile(file, file.toString());
    }

    private static Inventory loadFile(Path file, String source) {
        String text = read(file, source);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            YamlFile yaml = YamlFile.parse(source, text);
            if (yaml.root() != null && !(yaml.root() instanceof MappingNode)) {
                throw yaml.error(yaml.root(), "an inventory must be a mapping at the top level");
            }
            InventoryDraft draft = AnsibleYamlReader.looksLikeAnsible(yaml)
                    ? new AnsibleYamlReader(yaml).read()
                    : new JinfraYamlReader(yaml).read();
            return draft.build();
        }
        return new AnsibleIniReader(source).read(text).build();
    }

    private static String read(Path file, String source) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InventoryException(source, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new InventoryException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Path resolve(String spec, Path cwd) {
        if (spec.isEmpty()) {
            return null;
        }
        try {
            return cwd.resolve(spec);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean looksLikeFile(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        return spec.contains("/") || lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".ini");
    }
}
