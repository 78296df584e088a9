package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;
import java.util.Map;

/** {@code launchd.service}: a loaded launchd job (macOS) is running or stopped, or restarted, with launchctl. */
@Doc(
        name = "launchd.service",
        value = "A launchd job (macOS) that is loaded is running or stopped, or restarted (launchctl start/stop). A "
                + "job launchd has not loaded is an error.",
        example = "launchd.service(\"com.example.agent\").sudo();")
public record LaunchdService(
        @Arg(value = "the job's label, e.g. com.openssh.sshd", required = true)
        String name,

        @Arg("whether the job should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (stop, then start; unless it is stopped or being started here)")
        boolean restarted)
        implements Operation {

    public LaunchdService {
        ServiceNames.check("launchd.service", "job label", name);
    }

    @Override
    public String describe() {
        return "launchd job: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, Boolean> jobs = facts.get(new LaunchdStatus());
        Boolean isRunning = jobs.get(name);
        if (isRunning == null) {
            throw new IllegalStateException("launchd.service: launchd has no job " + name + " loaded (launchctl list)");
        }
        String action = Transitions.action(isRunning, running, restarted, false);
        if (action == null) {
            return Plan.noChange(name + " is " + Transitions.asWanted(running));
        }
        return switch (action) {
            // launchctl has no restart: stop, then start.
            case "restart" ->
                Plan.run(List.of(Command.of("launchctl", "stop", name), Command.of("launchctl", "start", name)));
            default -> Plan.run(Command.of("launchctl", action, name));
        };
    }
}
