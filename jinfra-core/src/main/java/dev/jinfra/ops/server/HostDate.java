package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * The host's clock as seconds since the epoch, from {@code date +%s} (GNU and BusyBox date both print it); null
 * when date cannot be run. Named so that it does not shadow {@code java.util.Date} in deploy files.
 */
@Doc(aliases = "Date", value = "The host's clock in seconds since the epoch (date +%s); null without date.")
public record HostDate() implements Fact<Long> {
    @Override
    public Command command() {
        return Command.of("date", "+%s");
    }

    @Override
    public Long parse(String stdout) {
        return Numbers.longOrNull(stdout);
    }

    @Override
    public Long absent() {
        return null;
    }
}
