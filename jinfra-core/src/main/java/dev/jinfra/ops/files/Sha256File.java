package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.regex.Pattern;

/** A file's SHA-256 as lowercase hex, or {@code null} when it cannot be read. */
@Doc(value = "The SHA-256 of a file, or null.")
public record Sha256File(
        @Arg(value = "file to hash", required = true) String path) implements Fact<String> {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    @Override
    public Command command() {
        return Command.of("sha256sum", "--", path);
    }

    @Override
    public String parse(String stdout) {
        String line = stdout.strip();
        // GNU sha256sum starts the line with a backslash when the file name holds a backslash or newline.
        if (line.startsWith("\\")) {
            line = line.substring(1);
        }
        String hex = line.length() >= 64 ? line.substring(0, 64).toLowerCase(java.util.Locale.ROOT) : line;
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "unexpected sha256sum output for " + path + ": '" + stdout.strip() + "'");
        }
        return hex;
    }

    @Override
    public String absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }
}
