package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code systemd.service}: a unit is running or stopped, enabled or disabled, and restarted or reloaded on
 * request. Only the systemctl calls that change something are planned. A unit systemd does not know yet is
 * treated as stopped and disabled: a package installed earlier in the same deploy may bring it.
 */
@Doc(
        name = "systemd.service",
        value =
                "A systemd unit is running or stopped, enabled or disabled, restarted or reloaded; only the needed systemctl calls run.",
        example = "systemd.service(\"nginx\").sudo();")
public record SystemdService(
        @Arg(value = "the unit, e.g. nginx or nginx.service", required = true)
        String unit,

        @Arg("whether the unit should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (unless it is stopped or being started here)")
        boolean restarted,

        @Arg("reload its configuration (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether it should start at boot; not given leaves it as it is")
        Boolean enabled,

        @Arg("run systemctl daemon-reload first, e.g. after a unit file changed")
        boolean daemonReload)
        implements Operation {

    public SystemdService {
        ServiceNames.check("systemd.service", "unit", unit);
    }

    @Override
    public String describe() {
        return "Systemd unit: " + unit;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> commands = new ArrayList<>();
        List<String> asWanted = new ArrayList<>();
        if (daemonReload) {
            commands.add(Command.of("systemctl", "daemon-reload"));
        }
        if (running != null || restarted || reloaded) {
            SystemdStatus.State state = facts.get(new SystemdStatus(unit));
            String action = Transitions.action(state != null && state.running(), running, restarted, reloaded);
            if (action != null) {
                commands.add(Command.of("systemctl", action, "--", unit));
            } else {
                asWanted.add(Transitions.asWanted(running));
            }
        }
        if (enabled != null) {
            String now = facts.get(new SystemdEnabled(unit));
            if (enabled && now != null && now.startsWith("masked")) {
                // enable would fail; unmasking is a decision the deploy should state itself.
                throw new IllegalStateException("systemd.service: " + unit + " is masked; it cannot be enabled");
            }
            boolean on = now != null && SystemdEnabled.ON.contains(now);
            // Only enabled units can be disabled: static, generated and the like are not switched by systemctl.
            boolean disable = !enabled && now != null && now.startsWith("enabled");
            if (enabled && !on) {
                commands.add(Command.of("systemctl", "enable", "--", unit));
            } else if (disable) {
                commands.add(Command.of("systemctl", "disable", "--", unit));
            } else {
                asWanted.add(enabled ? "enabled" : "not enabled");
            }
        }
        if (!commands.isEmpty()) {
            return Plan.run(commands);
        }
        return Plan.noChange(
                asWanted.isEmpty() ? "nothing asked of " + unit : unit + " is " + String.join(" and ", asWanted));
    }
}
