package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;

/**
 * What is at a path as a link sees it, in one round trip: its type, its identity (device and inode, to tell
 * whether two paths are hard links to one file) and, for a symbolic link, what it points to as written.
 * {@code null} when nothing is there.
 */
@Doc(
        aliases = {"Link"},
        value = "What a link at a path points to, or null.")
public record LinkInfo(
        @Arg(value = "path to look at", required = true) String path) implements Fact<LinkInfo.Value> {

    /** @param target the link's text as readlink prints it, or null when the path is not a symbolic link */
    public record Value(String type, String identity, String target) {
        public boolean isSymbolicLink() {
            return type.equals("symbolic link");
        }
    }

    // The path arrives as $1, so it is never part of the script text. readlink fails on anything but a link,
    // which is not an error here.
    private static final String SCRIPT = "stat -c \"%d:%i %F\" -- \"$1\" && { readlink -- \"$1\" || true; }";

    @Override
    public Command command() {
        return Command.of("sh", "-c", SCRIPT, "sh", path);
    }

    @Override
    public Value parse(String stdout) {
        int newline = stdout.indexOf('\n');
        String first = newline < 0 ? stdout : stdout.substring(0, newline);
        String[] parts = first.split(" ", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("unexpected stat output for " + path + ": '" + first + "'");
        }
        String rest = newline < 0 ? "" : stdout.substring(newline + 1);
        // Only the final newline is readlink's; a target may itself end in (or hold) newlines.
        String target = rest.isEmpty() ? null : Output.withoutFinalNewline(rest);
        return new Value(parts[1], parts[0], target);
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
