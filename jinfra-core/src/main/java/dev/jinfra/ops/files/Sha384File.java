package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** A file's SHA-384 as lowercase hex, from {@code sha384sum}; null when the file cannot be read or sha384sum is missing. */
@Doc(value = "The SHA-384 of a file, or null. GNU coreutils' sha384sum: BusyBox builds often leave it out (then null).")
public record Sha384File(
        @Arg(value = "file to hash", required = true) String path) implements Fact<String> {
    public Sha384File {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Sha384File needs a path");
        }
    }

    @Override
    public Command command() {
        return Command.of("sha384sum", "--", path);
    }

    @Override
    public String parse(String stdout) {
        return Digests.parse("sha384sum", 96, path, stdout);
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
