package dev.jinfra.ops.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local files that uploads and templates read. An operation plans once per host (and again when facts are
 * gathered ahead), so without this a thousand hosts would read and hash the same file thousands of times;
 * here each file is read once per content, and read again only when its size or modification time changes.
 */
final class LocalFiles {
    private LocalFiles() {}

    /** A file's bytes and their SHA-256, computed once. */
    record Content(byte[] bytes, String sha256) {
        static Content of(byte[] bytes) {
            return new Content(bytes, ContentInstall.sha256(bytes));
        }
    }

    private record Key(Path path, long size, long modified) {}

    private static final Map<Key, Content> CACHE = new ConcurrentHashMap<>();

    static Content read(String operation, String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            Key key = new Key(path, attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            Content known = CACHE.get(key);
            if (known != null) {
                return known;
            }
            // Older versions of the same file are no longer wanted.
            CACHE.keySet().removeIf(k -> k.path().equals(path));
            Content fresh = Content.of(Files.readAllBytes(path));
            CACHE.put(key, fresh);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": cannot read local file " + file + ": " + e.getMessage(), e);
        }
    }
}
