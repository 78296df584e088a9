package dev.jinfra.ops.service;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** {@code systemd} or {@code sysvinit}: which one manages services on the host. */
@Doc(value = "The host's init system: systemd when it booted with systemd, else sysvinit.")
public record InitSystem() implements Fact<String> {
    public static final String SYSTEMD = "systemd";
    public static final String SYSVINIT = "sysvinit";

    @Override
    public Command command() {
        // sd_booted()'s own test: the directory exists only when systemd is PID 1, not merely installed.
        return Command.of("test", "-d", "/run/systemd/system");
    }

    @Override
    public String parse(String stdout) {
        return SYSTEMD;
    }

    @Override
    public String absent() {
        return SYSVINIT;
    }
}
