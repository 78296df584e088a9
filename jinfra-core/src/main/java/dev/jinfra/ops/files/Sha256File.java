package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** A file's SHA-256 as lowercase hex, or {@code null} when it cannot be read. */
@Doc(value = "The SHA-256 of a file, or null.")
public record Sha256File(
        @Arg(value = "file to hash", required = true) String path) implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("sha256sum", "--", path);
    }

    @Override
    public String parse(String stdout) {
        return Digests.parse("sha256sum", 64, path, stdout);
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
