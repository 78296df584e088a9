package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.Which;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sysvinit.service}: an init script's service is running or stopped, restarted or reloaded, and
 * enabled or disabled with update-rc.d (Debian's tool; a host without it cannot be asked to switch).
 */
@Doc(
        name = "sysvinit.service",
        value = "A sysvinit service is running or stopped, restarted or reloaded, enabled or disabled (update-rc.d).",
        example = "sysvinit.service(\"ntp\").sudo();")
public record SysvService(
        @Arg(value = "the service (init script) name, e.g. nginx", required = true)
        String name,

        @Arg("whether the service should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (unless it is stopped or being started here)")
        boolean restarted,

        @Arg("reload its configuration (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether it should start at boot; not given leaves it as it is")
        Boolean enabled)
        implements Operation {

    public SysvService {
        ServiceNames.check("sysvinit.service", "service", name);
    }

    @Override
    public String describe() {
        return "Service: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> commands = new ArrayList<>();
        List<String> asWanted = new ArrayList<>();
        if (running != null || restarted || reloaded) {
            String action = Transitions.action(facts.get(new ServiceStatus(name)), running, restarted, reloaded);
            if (action != null) {
                // service takes no "--"; the name cannot start with '-' (checked above).
                commands.add(Command.of("service", name, action));
            } else {
                asWanted.add(Transitions.asWanted(running));
            }
        }
        if (enabled != null) {
            if (enabled == facts.get(new SysvEnabled(name))) {
                asWanted.add(enabled ? "enabled" : "not enabled");
            } else if (facts.get(new Which("update-rc.d")) == null) {
                throw new IllegalStateException("sysvinit.service: cannot " + (enabled ? "enable " : "disable ") + name
                        + " without update-rc.d on the host");
            } else {
                if (enabled) {
                    // "enable" only turns existing K links into S links and fails on a script that has none yet
                    // (a newly installed one); "defaults" makes them and leaves existing ones as they are.
                    commands.add(Command.of("update-rc.d", name, "defaults"));
                }
                commands.add(Command.of("update-rc.d", name, enabled ? "enable" : "disable"));
            }
        }
        if (!commands.isEmpty()) {
            return Plan.run(commands);
        }
        return Plan.noChange(
                asWanted.isEmpty() ? "nothing asked of " + name : name + " is " + String.join(" and ", asWanted));
    }
}
