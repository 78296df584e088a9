package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The load averages over 1, 5 and 15 minutes, from {@code /proc/loadavg} (Linux); null elsewhere. */
@Doc(value = "The load averages over 1, 5 and 15 minutes, from /proc/loadavg (Linux); null elsewhere.")
public record LoadAverage() implements Fact<LoadAverage.Value> {

    public record Value(double one, double five, double fifteen) {}

    @Override
    public Command command() {
        return Command.of("cat", "/proc/loadavg");
    }

    @Override
    public Value parse(String stdout) {
        // "2.68 4.20 8.15 3/197 22345": the three averages, then running/all tasks and the last pid.
        String[] f = stdout.strip().split("\\s+");
        if (f.length < 3) {
            return null;
        }
        Double one = Numbers.doubleOrNull(f[0]);
        Double five = Numbers.doubleOrNull(f[1]);
        Double fifteen = Numbers.doubleOrNull(f[2]);
        return one == null || five == null || fifteen == null ? null : new Value(one, five, fifteen);
    }

    @Override
    public Value absent() {
        return null;
    }
}
