package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * What is at a path on the host, as a directory would see it: its type, mode, owner and group, or
 * {@link #absent()} ({@code null}) when nothing is there.
 */
@Doc(
        aliases = {"Directory"},
        value = "Type, mode, owner and group of what is at a path, or null.")
public record DirectoryInfo(
        @Arg(value = "path to look at", required = true) String path)
        implements Fact<DirectoryInfo.Value>, dev.jinfra.api.StatFact {

    /** @param type as GNU stat names it: {@code directory}, {@code regular file}, {@code symbolic link}, ... */
    public record Value(String type, String mode, String owner, String group) {
        public boolean isDirectory() {
            return type.equals("directory");
        }
    }

    @Override
    public String statFormat() {
        return "%a %U %G %F";
    }

    @Override
    public String statPath() {
        return path;
    }

    @Override
    public Command command() {
        // No -L: a link to a directory is reported as a link, not as the directory it points to. The type goes
        // last because it can contain spaces.
        return Command.of("stat", "-c", statFormat(), "--", path);
    }

    @Override
    public Value parse(String stdout) {
        String[] parts = stdout.strip().split(" ", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("unexpected stat output for " + path + ": '" + stdout.strip() + "'");
        }
        return new Value(parts[3], parts[0], parts[1], parts[2]);
    }

    @Override
    public Value absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }
}
