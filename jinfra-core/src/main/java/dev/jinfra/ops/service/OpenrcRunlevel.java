package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The services OpenRC starts in a runlevel, from {@code rc-update show RUNLEVEL} ("  sshd | default" lines). */
@Doc(value = "The services an OpenRC runlevel starts (rc-update show).")
public record OpenrcRunlevel(
        @Arg(value = "the runlevel", defaultValue = "default")
        String runlevel) implements Fact<Set<String>> {
    static final Pattern RUNLEVEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public OpenrcRunlevel {
        runlevel = runlevel == null ? "default" : runlevel;
        if (!RUNLEVEL.matcher(runlevel).matches()) {
            throw new IllegalArgumentException("OpenrcRunlevel: '" + runlevel + "' is not a runlevel name");
        }
    }

    @Override
    public Command command() {
        return Command.of("rc-update", "show", runlevel);
    }

    @Override
    public Set<String> parse(String stdout) {
        Set<String> services = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0 && line.substring(bar + 1).strip().equals(runlevel)) {
                services.add(line.substring(0, bar).strip());
            }
        }
        return Set.copyOf(services);
    }

    @Override
    public Set<String> absent() {
        return null;
    }
}
