package dev.jinfra.ops.apt;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Debian's name for the host's architecture (amd64, arm64, armhf), from dpkg; null without dpkg. */
@Doc(value = "Debian's architecture name (amd64, arm64) from dpkg --print-architecture; null without dpkg.")
public record DebArch() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("dpkg", "--print-architecture");
    }

    @Override
    public String parse(String stdout) {
        String arch = stdout.strip();
        return arch.isEmpty() ? null : arch;
    }

    @Override
    public String absent() {
        return null;
    }
}
