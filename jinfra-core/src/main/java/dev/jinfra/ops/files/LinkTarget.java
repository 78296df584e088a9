package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;

/** What a symbolic link points to, as written in it; {@code null} when the path is not a symbolic link. */
@Doc(value = "The text of a symbolic link (what it points to, as written), or null.")
public record LinkTarget(
        @Arg(value = "path of the link", required = true) String path) implements Fact<String> {

    @Override
    public Command command() {
        return Command.of("readlink", "--", path);
    }

    @Override
    public String parse(String stdout) {
        // Only the final newline is readlink's; a target may itself end in (or hold) newlines.
        return Output.withoutFinalNewline(stdout);
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
