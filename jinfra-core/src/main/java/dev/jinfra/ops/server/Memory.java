package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The host's memory in KiB, from {@code /proc/meminfo} (Linux); null elsewhere. */
@Doc(value = "Memory in KiB from /proc/meminfo (Linux): total, free and available (null on kernels before 3.14).")
public record Memory() implements Fact<Memory.Value> {

    /** @param availableKib what can be given to programs without swapping; null where the kernel does not say */
    public record Value(long totalKib, long freeKib, Long availableKib) {}

    @Override
    public Command command() {
        return Command.of("cat", "/proc/meminfo");
    }

    @Override
    public Value parse(String stdout) {
        Long total = null;
        Long free = null;
        Long available = null;
        for (String line : stdout.split("\n")) {
            // "MemTotal:       24683780 kB"
            String[] f = line.strip().split("[:\\s]+");
            if (f.length < 2) {
                continue;
            }
            switch (f[0]) {
                case "MemTotal" -> total = Numbers.longOrNull(f[1]);
                case "MemFree" -> free = Numbers.longOrNull(f[1]);
                case "MemAvailable" -> available = Numbers.longOrNull(f[1]);
                default -> {}
            }
        }
        return total == null || free == null ? null : new Value(total, free, available);
    }

    @Override
    public Value absent() {
        return null;
    }
}
