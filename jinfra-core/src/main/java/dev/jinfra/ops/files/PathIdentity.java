package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.api.StatFact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;

/**
 * What is at a path, not following a link: its type and identity (device and inode, so that two paths can be
 * told to be hard links to one file). {@code null} when nothing is there. A stat fact, so the fact probe reads
 * all of a host's in one process.
 */
@Doc(value = "Type and identity (device:inode) of what is at a path, not following links, or null.")
public record PathIdentity(
        @Arg(value = "path to look at", required = true) String path) implements Fact<PathIdentity.Value>, StatFact {

    public record Value(String type, String identity) {}

    @Override
    public String statFormat() {
        return "%d:%i %F";
    }

    @Override
    public String statPath() {
        return path;
    }

    @Override
    public Command command() {
        return Command.of("stat", "-c", statFormat(), "--", path);
    }

    @Override
    public Value parse(String stdout) {
        String line = Output.withoutFinalNewline(stdout);
        String[] parts = line.split(" ", 2);
        if (parts.length != 2 || parts[0].indexOf(':') < 0) {
            throw new IllegalArgumentException("unexpected stat output for " + path + ": '" + line + "'");
        }
        return new Value(parts[1], parts[0]);
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
