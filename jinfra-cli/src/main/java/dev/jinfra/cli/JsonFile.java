package dev.jinfra.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --json-file PATH}: the run's JSON lines written to a file, beside the report for people on stdout, so
 * that a shard's log stays readable while its results go where {@code jinfra report} will read them. Each line
 * is flushed as it is written: a controller killed mid-run leaves every line it finished, which the report then
 * counts as an incomplete shard.
 */
final class JsonFile {
    private JsonFile() {}

    /** The file opened for writing (replacing an earlier one), or null when {@code file} is null. */
    static PrintStream open(Path cwd, Path file) {
        if (file == null) {
            return null;
        }
        Path path = cwd.resolve(file);
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return new PrintStream(new FileOutputStream(path.toFile()), false, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw new UsageException(
                    "--json-file: cannot write " + file + ": " + dev.jinfra.problem.Problems.inWords(e));
        }
    }
}
