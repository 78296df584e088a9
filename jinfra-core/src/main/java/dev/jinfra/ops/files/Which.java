package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Where a program is on the host's PATH, or null when it is not there. */
@Doc(value = "The path of a program, or null when it is not installed.")
public record Which(
        @Arg(value = "the program to look for, e.g. git", required = true)
        String program) implements Fact<String> {
    public Which {
        if (program == null || program.isBlank()) {
            throw new IllegalArgumentException("Which needs a program");
        }
    }

    @Override
    public Command command() {
        // command -v is POSIX (which is not always installed); the name arrives as $1 so it is never shell text.
        return Command.of("sh", "-c", "command -v \"$1\"", "sh", program);
    }

    @Override
    public String parse(String stdout) {
        String path = stdout.strip();
        return path.isEmpty() ? null : path;
    }

    @Override
    public String absent() {
        return null;
    }
}
