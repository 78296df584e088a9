package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Arrays;
import java.util.List;

/**
 * The directories of {@code $PATH} in the shell jinfra's commands run in, in order. Named so that it does not
 * shadow {@code java.nio.file.Path} in deploy files.
 */
@Doc(aliases = "Path", value = "The directories of $PATH in the shell commands run in, in order.")
public record SearchPath() implements Fact<List<String>> {
    @Override
    public Command command() {
        // The shell's own variable is the value: nothing else to run.
        return Command.shell("printf '%s\\n' \"$PATH\"");
    }

    @Override
    public List<String> parse(String stdout) {
        // An empty entry means the current directory to the shell; it is kept out as it names no directory.
        return Arrays.stream(stdout.strip().split(":"))
                .filter(d -> !d.isEmpty())
                .toList();
    }

    @Override
    public List<String> absent() {
        return List.of();
    }
}
