package dev.jinfra.testkit;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removes a temporary directory tree: a fleet's, or the demo's. */
public final class Directories {

    private Directories() {}

    /**
     * Deletes a directory tree, skipping what cannot be deleted: a command killed a moment ago may still be
     * writing, and a leftover file in a temp directory must not fail a test that is closing its fleet.
     */
    public static void deleteQuietly(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    deleteIgnoringFailure(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    deleteIgnoringFailure(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort, see above.
        }
    }

    private static void deleteIgnoringFailure(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort, see deleteQuietly.
        }
    }
}
