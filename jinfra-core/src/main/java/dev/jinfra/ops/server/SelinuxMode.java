package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Locale;

/** SELinux's mode from {@code getenforce}: enforcing, permissive or disabled; null without SELinux's tools. */
@Doc(value = "SELinux's mode (getenforce) in lower case: enforcing, permissive or disabled; null without getenforce.")
public record SelinuxMode() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("getenforce");
    }

    @Override
    public String parse(String stdout) {
        String mode = stdout.strip().toLowerCase(Locale.ROOT);
        return mode.isEmpty() ? null : mode;
    }

    @Override
    public String absent() {
        return null;
    }
}
