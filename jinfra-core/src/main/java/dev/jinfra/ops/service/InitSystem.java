package dev.jinfra.ops.service;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** {@code systemd}, {@code openrc}, {@code upstart} or {@code sysvinit}: which one manages services on the host. */
@Doc(
        value =
                "The host's init system: systemd when it booted with systemd, openrc or upstart when those run it, else sysvinit.")
public record InitSystem() implements Fact<String> {
    public static final String SYSTEMD = "systemd";
    public static final String OPENRC = "openrc";
    public static final String UPSTART = "upstart";
    public static final String SYSVINIT = "sysvinit";

    // systemd first, by sd_booted()'s own test: the directory exists only when systemd is PID 1, not merely
    // installed. OpenRC keeps its state in /run/openrc once it ran; a container that has OpenRC but never booted it
    // still has openrc-run, and rc-service works there. Upstart's initctl says its name in its version; sysvinit's
    // (or none) is all that is left.
    private static final String PROBE = "if [ -d /run/systemd/system ]; then echo systemd; "
            + "elif [ -d /run/openrc ] || command -v openrc-run >/dev/null 2>&1; then echo openrc; "
            + "elif initctl version 2>/dev/null | grep -q upstart; then echo upstart; "
            + "else echo sysvinit; fi";

    @Override
    public Command command() {
        return Command.of("sh", "-c", PROBE);
    }

    @Override
    public String parse(String stdout) {
        String name = stdout.strip();
        return switch (name) {
            case SYSTEMD, OPENRC, UPSTART -> name;
            default -> SYSVINIT;
        };
    }

    @Override
    public String absent() {
        return SYSVINIT;
    }
}
