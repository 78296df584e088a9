package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** What is at a path as a file sees it: type, mode, owner, group and size, or {@code null} when nothing is there. */
@Doc(
        aliases = {"File"},
        value = "Type, mode, owner, group and size of what is at a path, or null.")
public record FileInfo(
        @Arg(value = "path to look at", required = true) String path)
        implements Fact<FileInfo.Value>, dev.jinfra.api.StatFact {

    /** @param type as GNU stat names it: {@code regular file}, {@code regular empty file}, {@code directory}, ... */
    public record Value(String type, String mode, String owner, String group, long size) {
        /** GNU stat calls an empty file "regular empty file", which is still a file. */
        public boolean isFile() {
            return type.startsWith("regular");
        }

        public boolean isDirectory() {
            return type.equals("directory");
        }
    }

    @Override
    public String statFormat() {
        return "%a %U %G %s %F";
    }

    @Override
    public String statPath() {
        return path;
    }

    @Override
    public Command command() {
        // No -L: a link is reported as a link. The type goes last because it can contain spaces.
        return Command.of("stat", "-c", statFormat(), "--", path);
    }

    @Override
    public Value parse(String stdout) {
        String[] parts = stdout.strip().split(" ", 5);
        if (parts.length != 5) {
            throw new IllegalArgumentException("unexpected stat output for " + path + ": '" + stdout.strip() + "'");
        }
        try {
            return new Value(parts[4], parts[0], parts[1], parts[2], Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected size in stat output for " + path + ": '" + parts[3] + "'");
        }
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
