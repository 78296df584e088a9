package dev.jinfra.inventory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * Loads an inventory from what the user typed after {@code -i}: a file, or targets.
 *
 * <p>Beside an Ansible inventory, {@code group_vars/} and {@code host_vars/} are read as Ansible reads them
 * ({@link AnsibleVarsDir}); values encrypted with {@code ansible-vault} are opened with the password in the
 * {@link AnsibleContext} and become secrets.
 *
 * <ul>
 *   <li>An existing {@code .yaml}/{@code .yml} file: jinfra's format ({@link JinfraYamlReader}) or Ansible's
 *       ({@link AnsibleYamlReader}), told apart by their top-level keys.</li>
 *   <li>Any other existing file: an Ansible INI inventory ({@link AnsibleIniReader}).</li>
 *   <li>A directory: an Ansible inventory made of the files in it, as Ansible reads one
 *       ({@link AnsibleInventoryDir}).</li>
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
        return load(spec, cwd, AnsibleContext.NONE);
    }

    /**
     * As {@link #load(String, Path)}, with the deploy files' {@code group_vars}/{@code host_vars} and a vault
     * password for an Ansible inventory.
     */
    public static Inventory load(String spec, Path cwd, AnsibleContext context) {
        String trimmed = spec.strip();
        Path file = resolve(trimmed, cwd);
        if (file != null && Files.isRegularFile(file)) {
            return loadFile(file, trimmed, cwd, context);
        }
        if (file != null && Files.isDirectory(file)) {
            return loadDirectory(file, trimmed, cwd, context);
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
        return loadFile(file, file.toString(), Path.of(""), AnsibleContext.NONE);
    }

    private static Inventory loadFile(Path file, String source, Path cwd, AnsibleContext context) {
        AnsibleVault vault = new AnsibleVault(context.vaultPasswords());
        InventoryDraft draft = readDraft(file, source, vault, false);
        if (draft.ansible) {
            Path shown = Path.of(source).getParent();
            addVarsDirs(
                    draft, file.toAbsolutePath().getParent(), shown == null ? Path.of("") : shown, cwd, context, vault);
        }
        return draft.build();
    }

    /**
     * An inventory given as a directory, read as Ansible reads one: its files one after another into one inventory
     * ({@link AnsibleInventoryDir} picks them), with the {@code group_vars} and {@code host_vars} inside it.
     */
    private static Inventory loadDirectory(Path dir, String source, Path cwd, AnsibleContext context) {
        AnsibleVault vault = new AnsibleVault(context.vaultPasswords());
        List<Path> files = AnsibleInventoryDir.files(dir, source);
        if (files.isEmpty()) {
            throw new InventoryException(source, 0, "an inventory directory without inventory files");
        }
        InventoryDraft combined = new InventoryDraft(source);
        combined.ansible = true;
        for (Path file : files) {
            String shown = Path.of(source).resolve(dir.relativize(file)).toString();
            InventoryDraft draft = readDraft(file, shown, vault, true);
            if (!draft.ansible) {
                throw new InventoryException(
                        shown, 0, "jinfra's own inventory format cannot be part of an inventory directory");
            }
            combined.addAll(draft);
        }
        addVarsDirs(combined, dir.toAbsolutePath(), Path.of(source), cwd, context, vault);
        return combined.build();
    }

    private static void addVarsDirs(
            InventoryDraft draft, Path dir, Path shown, Path cwd, AnsibleContext context, AnsibleVault vault) {
        draft.varsDirs.add(new AnsibleVarsDir(dir, shown, vault));
        for (Path deployDir : context.deployDirs()) {
            draft.varsDirs.add(new AnsibleVarsDir(cwd.resolve(deployDir), deployDir, vault));
        }
    }

    /**
     * One inventory file: YAML by its extension ({@code .yaml}, {@code .yml}, {@code .json}), else INI. In a
     * directory ({@code guess}), a file without an extension is YAML when it reads as an Ansible YAML inventory,
     * as Ansible tries its YAML reader before its INI one.
     */
    private static InventoryDraft readDraft(Path file, String source, AnsibleVault vault, boolean guess) {
        String text = read(file, source);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        InventoryDraft draft;
        if (name.endsWith(".yaml") || name.endsWith(".yml") || (guess && name.endsWith(".json"))) {
            YamlFile yaml = YamlFile.parse(source, text, vault);
            if (yaml.root() != null && !(yaml.root() instanceof MappingNode)) {
                throw yaml.error(yaml.root(), "an inventory must be a mapping at the top level");
            }
            // Ansible's YAML is read as YAML 1.1 (yes is true, 0755 octal), jinfra's own as YAML 1.2.
            draft = AnsibleYamlReader.looksLikeAnsible(yaml)
                    ? new AnsibleYamlReader(YamlFile.parse(source, text, vault, true)).read()
                    : new JinfraYamlReader(yaml).read();
        } else if (guess && !name.contains(".") && readsAsAnsibleYaml(source, text, vault)) {
            draft = new AnsibleYamlReader(YamlFile.parse(source, text, vault, true)).read();
        } else {
            // An INI inventory may be encrypted as a whole too; its text values are then secrets.
            boolean encrypted = AnsibleVault.isEncrypted(text);
            draft = new AnsibleIniReader(source, encrypted).read(encrypted ? vault.decrypt(text, source, 0) : text);
        }
        draft.file = file.toAbsolutePath().normalize();
        return draft;
    }

    private static boolean readsAsAnsibleYaml(String source, String text, AnsibleVault vault) {
        if (AnsibleVault.isEncrypted(text)) {
            return false;
        }
        try {
            YamlFile yaml = YamlFile.parse(source, text, vault);
            return yaml.root() instanceof MappingNode && AnsibleYamlReader.looksLikeAnsible(yaml);
        } catch (InventoryException e) {
            return false;
        }
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
        // '/' in targets such as @docker/web or @chroot/srv/root does not make a path of them.
        boolean slash = java.util.Arrays.stream(spec.split(","))
                .map(String::strip)
                .anyMatch(item -> !ConnectTarget.isSpecial(item) && item.contains("/"));
        return slash || lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".ini");
    }
}
