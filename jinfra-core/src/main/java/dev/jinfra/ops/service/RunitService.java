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
 * {@code runit.service}: a runit service (Void Linux, Artix, containers) is supervised or not (a link in the
 * directory runsvdir watches), and running or stopped, restarted or reloaded with {@code sv}.
 */
@Doc(
        name = "runit.service",
        value = "A runit service is enabled or not (a link from the services directory to its sv directory) and "
                + "running or stopped, restarted or reloaded (sv). A newly enabled service is started by runsvdir "
                + "itself, within five seconds.",
        example = "runit.service(\"sshd\").sudo();")
public record RunitService(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name,

        @Arg("whether the service should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (unless it is stopped or being started here)")
        boolean restarted,

        @Arg("reload it with a HUP (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether runsvdir should supervise it; not given leaves it as it is")
        Boolean enabled,

        @Arg(value = "where the services are defined", defaultValue = "/etc/sv")
        String sourceDir,

        @Arg(value = "the directory runsvdir watches", defaultValue = "/var/service")
        String servicesDir)
        implements Operation {

    public RunitService {
        ServiceNames.check("runit.service", "service", name);
        sourceDir = directory("runit.service", sourceDir == null ? "/etc/sv" : sourceDir);
        servicesDir = directory("runit.service", servicesDir == null ? "/var/service" : servicesDir);
    }

    static String directory(String where, String dir) {
        if (!dir.startsWith("/")) {
            throw new IllegalArgumentException(where + ": the directory must be absolute, not '" + dir + "'");
        }
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    @Override
    public String describe() {
        return "runit service: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> commands = new ArrayList<>();
        List<String> asWanted = new ArrayList<>();
        String link = servicesDir + "/" + name;
        boolean supervised = facts.get(new RunitEnabled(name, servicesDir));
        boolean enabling = Boolean.TRUE.equals(enabled) && !supervised;
        if (running != null || restarted || reloaded) {
            String action =
                    Transitions.action(facts.get(new RunitStatus(name, servicesDir)), running, restarted, reloaded);
            // runsvdir starts a service it finds: sv would fail until its runsv is there, so a start is left to it.
            if (action != null && !(enabling && action.equals("start"))) {
                commands.add(Command.of("sv", action, link));
            } else if (action == null) {
                asWanted.add(Transitions.asWanted(running));
            }
        }
        if (enabled != null) {
            if (enabled == supervised) {
                asWanted.add(enabled ? "enabled" : "not enabled");
            } else if (enabled) {
                commands.addFirst(Command.of("ln", "-s", sourceDir + "/" + name, link));
            } else {
                // After a stop, if any: sv needs the service's supervise directory to reach it.
                commands.add(Command.of("rm", "-f", "--", link));
            }
        }
        if (!commands.isEmpty()) {
            return Plan.run(commands);
        }
        return Plan.noChange(
                asWanted.isEmpty() ? "nothing asked of " + name : name + " is " + String.join(" and ", asWanted));
    }
}
