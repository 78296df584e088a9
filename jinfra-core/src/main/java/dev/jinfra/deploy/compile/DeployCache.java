package dev.jinfra.deploy.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiled deploys on disk, one directory per cache key, so an unchanged deploy file loads without javac.
 *
 * <p>An entry is written into a temporary directory and renamed into place, so readers see all of it or
 * none. Each entry has a manifest listing its class files with sizes and SHA-256 digests; anything that
 * doesn't match (a truncated file, a missing one, a garbled manifest) makes the entry a miss, and it is
 * deleted and rebuilt. The cache only ever speeds things up: failing to write it is not an error.
 */
final class DeployCache {
    static final String MANIFEST = "deploy.manifest";
    private static final String HEADER = "jinfra-deploy-cache 1";

    private final Path dir;

    DeployCache(Path dir) {
        this.dir = dir;
    }

    /** Drops an entry that looked whole but would not load. */
    void invalidate(String key) {
        delete(dir.resolve(key));
    }

    /**
     * The cache key: SHA-256 of the file's content, its name (it names a compact file's class and the source
     * file in stack traces), the jinfra build, the Java runtime, and javac's options and the imports jinfra adds.
     */
    static String key(String fileName, byte[] content) {
        MessageDigest sha = sha256();
        String context = HEADER + "\n" + fileName + "\n" + JinfraIdentity.get() + "\n" + Runtime.version() + "\n"
                + InMemoryJavac.OPTIONS + "\n" + PreparedSource.IMPORTS + PreparedSource.MAIN + "\n";
        sha.update(context.getBytes(StandardCharsets.UTF_8));
        sha.update(content);
        return HexFormat.of().formatHex(sha.digest());
    }

    Optional<CompiledDeploy> read(String key) {
        Path entry = dir.resolve(key);
        Path manifest = entry.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            if (Files.exists(entry)) {
                delete(entry);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(parse(entry, Files.readAllLines(manifest, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException corrupt) {
            delete(entry);
            return Optional.empty();
        }
    }

    private static CompiledDeploy parse(Path entry, List<String> lines) throws IOException {
        if (lines.size() < 3 || !lines.get(0).equals(HEADER)) {
            throw new IllegalStateException("not a deploy cache manifest");
        }
        boolean compact = switch (field(lines.get(1), "form")) {
            case "compact" -> true;
            case "class" -> false;
            default -> throw new IllegalStateException("unknown form");
        };
        String entryClass = field(lines.get(2), "entry");
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String line : lines.subList(3, lines.size())) {
            String[] parts = line.split(" ");
            if (parts.length != 5 || !parts[0].equals("class")) {
                throw new IllegalStateException("bad manifest line");
            }
            byte[] bytes = Files.readAllBytes(entry.resolve(parts[1]));
            if (bytes.length != Long.parseLong(parts[3])
                    || !HexFormat.of().formatHex(sha256().digest(bytes)).equals(parts[4])) {
                throw new IllegalStateException("class file does not match the manifest");
            }
            classes.put(parts[2], bytes);
        }
        if (!classes.containsKey(entryClass)) {
            throw new IllegalStateException("entry class missing");
        }
        return new CompiledDeploy(compact, entryClass, classes);
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalStateException("expected " + name);
        }
        return line.substring(name.length() + 1);
    }

    void write(String key, CompiledDeploy compiled) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir, ".tmp-" + key.substring(0, 12) + "-");
            List<String> manifest = new ArrayList<>();
            manifest.add(HEADER);
            manifest.add("form " + (compiled.compact() ? "compact" : "class"));
            manifest.add("entry " + compiled.entryClass());
            int i = 0;
            for (var c : compiled.classes().entrySet()) {
                // Numbered files: binary names can be long or odd, the manifest maps them back.
                String file = "c" + i++ + ".class";
                Files.write(tmp.resolve(file), c.getValue());
                manifest.add("class " + file + " " + c.getKey() + " " + c.getValue().length + " "
                        + HexFormat.of().formatHex(sha256().digest(c.getValue())));
            }
            Files.write(tmp.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Path target = dir.resolve(key);
            if (Files.exists(target)) {
                delete(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            tmp = null;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            // Another jinfra process wrote the same entry first; theirs is as good as ours.
        } catch (IOException | RuntimeException e) {
            // Read-only or full disk: carry on without caching.
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    /** Removes an entry, best effort. */
    static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // Left behind: the next write replaces it.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
