package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The host's kernel release, from {@code uname -r}; null when uname cannot be run. */
@Doc(value = "The running kernel's release as uname -r prints it.")
public record Kernel() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("uname", "-r");
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
