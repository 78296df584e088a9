package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.HashMap;
import java.util.Map;

/** A systemd unit's state from {@code systemctl show}; null where systemctl cannot be run. */
@Doc(value = "A systemd unit's active state (active, inactive, failed...), sub-state and whether it is loaded.")
public record SystemdStatus(
        @Arg(value = "the unit, e.g. nginx or nginx.service", required = true)
        String unit) implements Fact<SystemdStatus.State> {

    /** {@code loaded} is false for a unit systemd does not know (LoadState not-found) or cannot parse. */
    public record State(String active, String sub, boolean loaded) {
        /** Activating and reloading units are on their way up: starting them again would change nothing. */
        public boolean running() {
            return "active".equals(active) || "activating".equals(active) || "reloading".equals(active);
        }
    }

    public SystemdStatus {
        ServiceNames.check("SystemdStatus", "unit", unit);
    }

    @Override
    public Command command() {
        // Key=value lines rather than --value: systemctl prints properties in its own order, not the one asked for.
        return Command.of("systemctl", "show", "-p", "ActiveState,SubState,LoadState", "--", unit);
    }

    @Override
    public State parse(String stdout) {
        Map<String, String> props = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!props.containsKey("ActiveState")) {
            return null;
        }
        return new State(
                props.get("ActiveState"), props.getOrDefault("SubState", ""), "loaded".equals(props.get("LoadState")));
    }

    @Override
    public State absent() {
        return null;
    }
}
