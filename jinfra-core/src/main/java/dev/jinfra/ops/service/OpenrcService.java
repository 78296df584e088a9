package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code openrc.service}: an OpenRC service (Alpine, Gentoo) is started or stopped, restarted or reloaded with
 * rc-service, and in a runlevel or not with rc-update. Only the calls that change something are planned.
 */
@Doc(
        name = "openrc.service",
        value =
                "An OpenRC service is running or stopped, restarted or reloaded (rc-service), and enabled in a runlevel or not (rc-update).",
        example = "openrc.service(\"sshd\").sudo();")
public record OpenrcService(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name,

        @Arg("whether the service should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (unless it is stopped or being started here)")
        boolean restarted,

        @Arg("reload its configuration (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether the runlevel should start it; not given leaves it as it is")
        Boolean enabled,

        @Arg(value = "the runlevel enabled means", defaultValue = "default")
        String runlevel)
        implements Operation {

    public OpenrcService {
        ServiceNames.check("openrc.service", "service", name);
        runlevel = runlevel == null ? "default" : runlevel;
        if (!OpenrcRunlevel.RUNLEVEL.matcher(runlevel).matches()) {
            throw new IllegalArgumentException("openrc.service: '" + runlevel + "' is not a runlevel name");
        }
    }

    @Override
    public String describe() {
        return "OpenRC service: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> commands = new ArrayList<>();
        List<String> asWanted = new ArrayList<>();
        if (running != null || restarted || reloaded) {
            String action = Transitions.action(facts.get(new OpenrcStatus(name)), running, restarted, reloaded);
            if (action != null) {
                commands.add(Command.of("rc-service", name, action));
            } else {
                asWanted.add(Transitions.asWanted(running));
            }
        }
        if (enabled != null) {
            Set<String> started = facts.get(new OpenrcRunlevel(runlevel));
            if (started == null) {
                throw new IllegalStateException(
                        "openrc.service: cannot list the runlevel " + runlevel + " (rc-update)");
            }
            if (enabled == started.contains(name)) {
                asWanted.add((enabled ? "in" : "not in") + " runlevel " + runlevel);
            } else {
                commands.add(Command.of("rc-update", enabled ? "add" : "del", name, runlevel));
            }
        }
        if (!commands.isEmpty()) {
            return Plan.run(commands);
        }
        return Plan.noChange(
                asWanted.isEmpty() ? "nothing asked of " + name : name + " is " + String.join(" and ", asWanted));
    }
}
