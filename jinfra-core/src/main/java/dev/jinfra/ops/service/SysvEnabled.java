package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Whether a SysV service starts in a multi-user runlevel: an S link to it in /etc/rc2.d to rc5.d. */
@Doc(value = "Whether a sysvinit service is enabled (has a start link in a runlevel 2-5 directory).")
public record SysvEnabled(
        @Arg(value = "the service (init script) name, e.g. nginx", required = true)
        String name) implements Fact<Boolean> {
    public SysvEnabled {
        ServiceNames.check("SysvEnabled", "service", name);
    }

    @Override
    public Command command() {
        // "; true": find exits 1 when one runlevel directory is missing, yet its matches in the others count.
        // The name arrives as $1 and has no glob characters (checked above), so it matches only itself.
        return Command.of("sh", "-c", "find /etc/rc[2-5].d -name \"S[0-9][0-9]$1\" 2>/dev/null; true", "sh", name);
    }

    @Override
    public Boolean parse(String stdout) {
        return !stdout.isBlank();
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
