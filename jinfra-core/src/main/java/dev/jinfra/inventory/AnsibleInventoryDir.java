package dev.jinfra.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of an inventory given as a directory ({@code -i inventories/prod/}), as Ansible picks them: every file
 * in name order, subdirectories read in their turn, leaving out hidden files, {@code group_vars},
 * {@code host_vars} and {@code vars_plugins}, and names ending in one of Ansible's default
 * {@code inventory_ignore_extensions} ({@code .ini} among them, and {@code ~} backups).
 */
final class AnsibleInventoryDir {
    /** Ansible's REJECT_EXTS and the inventory's own additions, its {@code inventory_ignore_extensions} default. */
    private static final List<String> IGNORED_ENDINGS = List.of(
            ".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry");

    private static final List<String> IGNORED_NAMES = List.of("group_vars", "host_vars", "vars_plugins");

    private AnsibleInventoryDir() {}

    /** The inventory files under {@code dir}, in the order Ansible reads them. */
    static List<Path> files(Path dir, String source) {
        List<Path> found = new ArrayList<>();
        collect(dir, source, found);
        return found;
    }

    private static void collect(Path dir, String source, List<Path> found) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            // Python sorts names by code point, as String.compareTo does for text without surrogates.
            entries = list.sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InventoryException(source, 0, "cannot read the inventory directory: " + e.getMessage());
        }
        for (Path entry : entries) {
            if (ignored(entry.getFileName().toString())) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                collect(entry, source, found);
            } else if (Files.isRegularFile(entry)) {
                found.add(entry);
            }
        }
    }

    static boolean ignored(String name) {
        return name.startsWith(".")
                || IGNORED_NAMES.contains(name)
                || IGNORED_ENDINGS.stream().anyMatch(name::endsWith);
    }
}
