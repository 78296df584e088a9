package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** A file's MD5 as lowercase hex, from {@code md5sum}; null when the file cannot be read or md5sum is missing. */
@Doc(value = "The MD5 of a file, or null.")
public record Md5File(
        @Arg(value = "file to hash", required = true) String path) implements Fact<String> {
    public Md5File {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Md5File needs a path");
        }
    }

    @Override
    public Command command() {
        return Command.of("md5sum", "--", path);
    }

    @Override
    public String parse(String stdout) {
        return Digests.parse("md5sum", 32, path, stdout);
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
