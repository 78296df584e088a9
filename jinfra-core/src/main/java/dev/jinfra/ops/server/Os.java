package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The host's kernel name, from {@code uname -s}; null when uname cannot be run. */
@Doc(value = "The operating system's kernel name as uname -s prints it (Linux, FreeBSD, Darwin).")
public record Os() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("uname", "-s");
    }

    @Override
    public String parse(String stdout) {
        String value = stdout.strip();
        return value.isEmpty() ? null : value;
    }

    @Override
    public String absent() {
        return null;
    }
}
