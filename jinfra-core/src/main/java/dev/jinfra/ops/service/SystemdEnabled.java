package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Set;

/** A unit's enablement as {@code systemctl is-enabled} prints it, or null when there is no such unit. */
@Doc(value = "Whether a systemd unit is enabled, disabled, static or masked; null when the unit does not exist.")
public record SystemdEnabled(
        @Arg(value = "the unit, e.g. nginx or nginx.service", required = true)
        String unit) implements Fact<String> {

    /** States in which the unit starts at boot (or is pulled in) without a {@code systemctl enable}. */
    static final Set<String> ON =
            Set.of("enabled", "enabled-runtime", "static", "alias", "indirect", "generated", "transient");

    public SystemdEnabled {
        ServiceNames.check("SystemdEnabled", "unit", unit);
    }

    @Override
    public Command command() {
        // is-enabled exits 1 for "disabled" and "masked", which are answers, not absence; "|| true" keeps the
        // output. The unit arrives as $1, never as shell text.
        return Command.of("sh", "-c", "systemctl is-enabled -- \"$1\" || true", "sh", unit);
    }

    @Override
    public String parse(String stdout) {
        String state = stdout.strip();
        // Older systemd prints nothing on stdout for a missing unit, newer prints "not-found".
        return state.isEmpty() || state.equals("not-found")
                ? null
                : state.lines().findFirst().orElse(null);
    }

    @Override
    public String absent() {
        return null;
    }
}
