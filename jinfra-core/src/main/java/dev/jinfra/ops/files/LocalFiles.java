package dev.jinfra.ops.files;

import dev.jinfra.api.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Local files that uploads, templates, syncs and scripts read. An operation plans once per host (and again when
 * facts are gathered ahead), so without this a thousand hosts would read and hash the same file thousands of
 * times; here each file is read once per content, and read again only when its size or modification time changes.
 */
public final class LocalFiles {
    private LocalFiles() {}

    /** Files up to this size are kept in memory once read (templates, configuration files); larger ones stream. */
    static final int KEPT_IN_MEMORY = 64 * 1024;

    /**
     * A local file's size and SHA-256, computed once by streaming it; its bytes are kept only when it is small.
     * An upload of it streams the file again ({@link #payload()}), checking the SHA-256 on the way, so a file of any
     * size costs the same memory, in a dry run too.
     */
    public record Content(Path path, long size, long modified, String sha256, byte[] small) {
        static Content of(byte[] bytes) {
            return new Content(null, bytes.length, 0, ContentInstall.sha256(bytes), bytes);
        }

        /** What an upload of this content sends. */
        public Payload payload() {
            return small != null ? Payload.of(small) : Payload.ofFile(path, size, modified, sha256);
        }

        /** All the bytes, read now when the file is large: only for what must be whole (a template's text). */
        public byte[] bytes() {
            if (small != null) {
                return small;
            }
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read local file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private record Key(Path path, long size, long modified) {}

    // Futures, so that hosts planning at the same time wait for one reading of a file instead of each reading it.
    private static final Map<Key, CompletableFuture<Content>> CACHE = new ConcurrentHashMap<>();

    public static Content read(String operation, String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            Key key =
                    new Key(path, attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            CompletableFuture<Content> mine = new CompletableFuture<>();
            CompletableFuture<Content> known = CACHE.putIfAbsent(key, mine);
            if (known != null) {
                return known.join();
            }
            try {
                // Older versions of the same file are no longer wanted.
                CACHE.keySet().removeIf(k -> k.path().equals(path) && !k.equals(key));
                mine.complete(
                        attrs.size() <= KEPT_IN_MEMORY
                                ? inMemory(path, key.modified())
                                : streamed(path, key.modified()));
            } catch (IOException | RuntimeException e) {
                // Not kept: the next host reads again, and meets the same problem in its own words.
                CACHE.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u;
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(
                        operation + ": cannot read local file " + file + ": " + io.getMessage(), io);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": cannot read local file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Content inMemory(Path path, long modified) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return new Content(path, bytes.length, modified, ContentInstall.sha256(bytes), bytes);
    }

    /** Hashes the file in chunks: its size decides the time this takes, never the memory. */
    private static Content streamed(Path path, long modified) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new Content(path, size, modified, java.util.HexFormat.of().formatHex(sha.digest()), null);
    }

    /**
     * Checks that {@code file} is a regular file this process can read, without reading it: the pre-flight check
     * of the operations that upload it.
     */
    public static void check(String operation, String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        String problem;
        if (!Files.exists(path)) {
            problem = "no such file";
        } else if (!Files.isRegularFile(path)) {
            problem = Files.isDirectory(path) ? "it is a directory" : "it is not a regular file";
        } else if (!Files.isReadable(path)) {
            problem = "permission denied";
        } else {
            return;
        }
        throw new IllegalArgumentException(operation + ": cannot read local file " + file + ": " + problem);
    }

    /** A local directory's regular files and subdirectories, as '/'-separated paths relative to it, sorted. */
    record Tree(List<String> files, List<String> directories) {}

    /**
     * Walks {@code dir} (not cached: a walk only reads directories; file contents still come through
     * {@link #read}). Links to files count as files; links to directories and special files are left out, so a
     * walk never loops. {@code skip} is asked with each relative path; a skipped directory is not entered.
     */
    static Tree walk(String operation, String dir, Predicate<String> skip) {
        Path root = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(operation + ": " + dir + " is not a local directory");
        }
        List<String> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(root, d);
                    if (skip.test(rel)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directories.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String rel = relative(root, f);
                    if (!skip.test(rel)
                            && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f))) {
                        files.add(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    operation + ": cannot read local directory " + dir + ": " + e.getMessage(), e);
        }
        // Sorted so that plans (and the order of uploads and commands) do not depend on the file system.
        return new Tree(
                files.stream().sorted().toList(), directories.stream().sorted().toList());
    }

    private static String relative(Path root, Path p) {
        List<String> names = new ArrayList<>();
        root.relativize(p).forEach(n -> names.add(n.toString()));
        return String.join("/", names);
    }
}
