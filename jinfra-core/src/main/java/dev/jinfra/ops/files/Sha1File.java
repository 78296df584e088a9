package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** A file's SHA-1 as lowercase hex, from {@code sha1sum}; null when the file cannot be read or sha1sum is missing. */
@Doc(value = "The SHA-1 of a file, or null.")
public record Sha1File(
        @Arg(value = "file to hash", required = true) String path) implements Fact<String> {
    public Sha1File {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Sha1File needs a path");
        }
    }

    @Override
    public Command command() {
        return Command.of("sha1sum", "--", path);
    }

    @Override
    public String parse(String stdout) {
        return Digests.parse("sha1sum", 40, path, stdout);
    }

    @Override
    public String absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }

    @Override
    public String absentWithout() {
        return path;
    }
}
