package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Whole seconds since the host booted, from {@code /proc/uptime} (Linux); null where there is no such file. */
@Doc(value = "Seconds since the host booted, from /proc/uptime (Linux); null elsewhere.")
public record Uptime() implements Fact<Long> {
    @Override
    public Command command() {
        return Command.of("cat", "/proc/uptime");
    }

    @Override
    public Long parse(String stdout) {
        // "57153.68 30068.79": the uptime, then the idle time summed over all CPUs.
        String[] f = stdout.strip().split("\\s+");
        Double seconds = Numbers.doubleOrNull(f[0]);
        return seconds == null ? null : (long) Math.floor(seconds);
    }

    @Override
    public Long absent() {
        return null;
    }
}
