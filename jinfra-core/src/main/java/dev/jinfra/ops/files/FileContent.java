package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The text of a file, or {@code null} when it cannot be read. Only read for diffs. */
@Doc(value = "The text of a file, or null; read only to show diffs.")
public record FileContent(
        @Arg(value = "file to read", required = true) String path) implements Fact<String> {
    @Override
    public boolean valueIsContent() {
        return true;
    }

    @Override
    public Command command() {
        return Command.of("cat", "--", path);
    }

    @Override
    public String parse(String stdout) {
        return stdout;
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
