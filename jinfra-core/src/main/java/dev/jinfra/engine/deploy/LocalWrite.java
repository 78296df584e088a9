package dev.jinfra.engine.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files on this machine the way uploads are written on hosts: a temporary file, then a rename. */
final class LocalWrite {
    private LocalWrite() {}

    static void atomically(Path dest, byte[] content) {
        Path dir = dest.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Next to the destination, so the rename stays on one file system and readers never see half a file.
            tmp = Files.createTempFile(dir, "." + dest.getFileName(), ".jinfra");
            Files.write(tmp, content);
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dest + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Only a leftover temporary file; the error that matters was reported above.
                }
            }
        }
    }
}
