package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The host's current (running) hostname, or null when {@code hostname} cannot be run. */
@Doc(value = "The host's name.")
public record Hostname() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("hostname");
    }

    @Override
    public String parse(String stdout) {
        String name = stdout.strip();
        return name.isEmpty() ? null : name;
    }

    @Override
    public String absent() {
        return null;
    }
}
