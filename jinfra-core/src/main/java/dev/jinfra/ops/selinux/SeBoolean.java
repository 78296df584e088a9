package dev.jinfra.ops.selinux;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * An SELinux boolean's current value, {@code on} or {@code off}, from {@code getsebool} ("httpd_can_network_connect
 * --> off"); null when there is no such boolean or SELinux is disabled.
 */
@Doc(value = "An SELinux boolean's current value (on or off) from getsebool, or null.")
public record SeBoolean(
        @Arg(value = "the boolean, e.g. httpd_can_network_connect", required = true)
        String name) implements Fact<String> {
    public SeBoolean {
        SeNames.identifier("SeBoolean", "boolean", name);
    }

    @Override
    public Command command() {
        return Command.of("getsebool", "--", name);
    }

    @Override
    public String parse(String stdout) {
        String line = stdout.strip();
        int arrow = line.lastIndexOf("-->");
        if (arrow < 0) {
            return null;
        }
        String value = line.substring(arrow + 3).strip();
        // A change made but not committed yet shows as "off pending: on"; what counts is the value it will have.
        int pending = value.indexOf("pending:");
        return pending >= 0 ? value.substring(pending + "pending:".length()).strip() : value;
    }

    @Override
    public String absent() {
        return null;
    }
}
