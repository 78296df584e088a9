package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The host's machine architecture, from {@code uname -m}; null when uname cannot be run. */
@Doc(value = "The machine architecture as uname -m prints it (x86_64, aarch64).")
public record Arch() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("uname", "-m");
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
