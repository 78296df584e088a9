package dev.jinfra.inventory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * The {@code group_vars/} and {@code host_vars/} of one directory, read as Ansible's {@code host_group_vars}
 * plugin reads them: for a name, the first of {@code NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json}
 * that exists; when that is a directory, every file in it and its subdirectories with one of those extensions or
 * none, in name order (later files win), hidden files and backups ({@code ~}) left out. Files are YAML (JSON is
 * YAML too) and may be encrypted with {@code ansible-vault}.
 *
 * <p>Ansible reads these beside the inventory file and beside the playbook; jinfra reads them beside the
 * inventory file and beside the deploy files.
 */
final class AnsibleVarsDir {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    /** A vars file's data, translated to jinfra's keys, and where each key was written. */
    record Layer(Map<String, Object> data, Map<String, Place> places) {
        static final Layer EMPTY = new Layer(Map.of(), Map.of());
    }

    private final Path dir;
    private final Path shownAs;
    private final AnsibleVault vault;
    private final Map<String, Layer> cache = new HashMap<>();

    /**
     * @param dir the directory holding {@code group_vars} and {@code host_vars}, as read
     * @param shownAs the same directory as messages name it (relative, as the user gave it)
     */
    AnsibleVarsDir(Path dir, Path shownAs, AnsibleVault vault) {
        this.dir = dir;
        this.shownAs = shownAs;
        this.vault = vault;
    }

    Layer group(String name) {
        return layer("group_vars", name);
    }

    Layer host(String name) {
        return layer("host_vars", name);
    }

    private Layer layer(String kind, String name) {
        // Like Ansible, names that are paths (a chroot target such as /srv/jail) have no vars files.
        if (name.startsWith("/")) {
            return Layer.EMPTY;
        }
        return cache.computeIfAbsent(kind + "/" + name, key -> read(kind, name));
    }

    private Layer read(String kind, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Place> places = new HashMap<>();
        for (Path file : files(dir.resolve(kind), name)) {
            String shown = show(file);
            YamlFile yaml = YamlFile.parse(shown, text(file, shown), vault, true);
            if (yaml.root() == null) {
                continue; // Ansible ignores empty files.
            }
            if (!(yaml.root() instanceof MappingNode)) {
                throw yaml.error(yaml.root(), "a vars file must be a mapping of variable names to values");
            }
            Map<String, Object> vars = AnsibleVars.translate(yaml.data(yaml.root(), "the vars file"));
            AnsibleVars.translateLines(yaml.keyLines(yaml.root()))
                    .forEach((key, line) -> places.put(key, new Place(shown, line)));
            data.putAll(vars);
        }
        return new Layer(data, places);
    }

    /** The files Ansible's {@code find_vars_files} finds for {@code name} in {@code base}, in the order applied. */
    private static List<Path> files(Path base, String name) {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        for (String extension : EXTENSIONS) {
            Path candidate = base.resolve(name + extension);
            if (Files.isDirectory(candidate)) {
                return dirFiles(candidate);
            }
            if (Files.exists(candidate)) {
                return List.of(candidate);
            }
        }
        return List.of();
    }

    private static List<Path> dirFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InventoryException(dir.toString(), 0, "cannot list: " + e.getMessage());
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || name.endsWith("~")) {
                continue;
            }
            String extension = extension(name);
            if (Files.isDirectory(entry) && extension.isEmpty()) {
                found.addAll(dirFiles(entry));
            } else if (Files.isRegularFile(entry) && EXTENSIONS.contains(extension)) {
                found.add(entry);
            }
        }
        return found;
    }

    /** As Python's {@code os.path.splitext}: from the last dot, unless the name only starts with dots. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    private String show(Path file) {
        return shownAs.resolve(dir.relativize(file)).toString();
    }

    private static String text(Path file, String shown) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InventoryException(shown, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new InventoryException(shown, 0, "cannot read: " + e.getMessage());
        }
    }
}
