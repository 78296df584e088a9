package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;

/**
 * The live value of one kernel parameter, as {@code sysctl -n} prints it, or null when the key does not
 * exist. Values of several fields (like {@code net.ipv4.ip_local_port_range}) come tab-separated.
 */
@Doc(value = "The value of a kernel parameter, or null.")
public record Sysctl(
        @Arg(value = "the parameter, e.g. net.ipv4.ip_forward", required = true)
        String key) implements Fact<String> {
    public Sysctl {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Sysctl needs a key");
        }
    }

    @Override
    public Command command() {
        // "--" so that a key can never be read as an option.
        return Command.of("sysctl", "-n", "--", key);
    }

    @Override
    public String parse(String stdout) {
        // Only the line break sysctl adds is dropped; tabs inside the value are part of it.
        return Output.withoutFinalNewline(stdout);
    }

    @Override
    public String absent() {
        return null;
    }
}
