package dev.jinfra.ops.apt;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * Seconds since apt's lists were last updated successfully (the stamp apt's periodic hook touches after
 * {@code apt-get update}), or null when they never were.
 */
@Doc(value = "Seconds since apt's package lists were last refreshed, or null if never.")
public record AptCacheAge() implements Fact<Long> {
    static final String STAMP = "/var/lib/apt/periodic/update-success-stamp";

    @Override
    public Command command() {
        // Both times come from the host's own clock in one command, so clock skew with the controller is moot.
        return Command.of("sh", "-c", "stat -c %Y " + STAMP + " && date +%s");
    }

    @Override
    public Long parse(String stdout) {
        String[] lines = stdout.strip().split("\\s+");
        if (lines.length != 2) {
            throw new IllegalArgumentException("unexpected output for the apt cache age: '" + stdout.strip() + "'");
        }
        // A stamp from the future (clock set back) counts as fresh, not as a negative age.
        return Math.max(0, Long.parseLong(lines[1]) - Long.parseLong(lines[0]));
    }

    @Override
    public Long absent() {
        return null;
    }
}
