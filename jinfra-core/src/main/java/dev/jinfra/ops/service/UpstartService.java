package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FindInFile;
import dev.jinfra.ops.files.Line;
import dev.jinfra.ops.files.Uploads;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code upstart.service}: an Upstart job (Ubuntu before 15.04) is running or stopped, restarted or reloaded with
 * initctl, and started at boot or not. Upstart has no enable switch: a job is left out of booting by a
 * {@code manual} line in /etc/init/NAME.override, which this adds (as {@code files.line} adds lines) or removes.
 */
@Doc(
        name = "upstart.service",
        value =
                "An Upstart job is running or stopped, restarted or reloaded (initctl), and started at boot or not (a manual line in /etc/init/NAME.override).",
        example = "upstart.service(\"ssh\").sudo();")
public record UpstartService(
        @Arg(value = "the job, e.g. ssh", required = true) String name,

        @Arg("whether the job should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (started when it was stopped, unless it should stop)")
        boolean restarted,

        @Arg("reload its configuration (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether it should start at boot; not given leaves it as it is")
        Boolean enabled)
        implements Operation {
    private static final String MANUAL = "^[[:blank:]]*manual[[:blank:]]*$";

    public UpstartService {
        ServiceNames.check("upstart.service", "job", name);
    }

    @Override
    public String describe() {
        return "Upstart job: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> commands = new ArrayList<>();
        List<Plan.Upload> uploads = new ArrayList<>();
        List<String> asWanted = new ArrayList<>();
        if (running != null || restarted || reloaded) {
            boolean isRunning = facts.get(new UpstartStatus(name));
            String action = Transitions.action(isRunning, running, restarted, reloaded);
            if (action != null) {
                // initctl restart fails on a job that is not running, where restart means start.
                commands.add(Command.of("initctl", "restart".equals(action) && !isRunning ? "start" : action, name));
            } else {
                asWanted.add(Transitions.asWanted(running));
            }
        }
        if (enabled != null) {
            String override = "/etc/init/" + name + ".override";
            List<String> manual = facts.get(new FindInFile(override, MANUAL));
            boolean isEnabled = manual == null || manual.isEmpty();
            if (enabled == isEnabled) {
                asWanted.add(enabled ? "started at boot" : "not started at boot");
            } else if (enabled) {
                for (String line : manual.stream().distinct().toList()) {
                    commands.addAll(new Line(override, line, false, null, false)
                            .plan(facts)
                            .commands());
                }
            } else if (manual == null) {
                Plan install = Uploads.install("manual\n", override, "644");
                uploads.addAll(install.uploads());
                commands.addAll(install.commands());
            } else {
                commands.addAll(new Line(override, "manual", true, null, false)
                        .plan(facts)
                        .commands());
            }
        }
        if (!commands.isEmpty()) {
            return new Plan(uploads, commands, null);
        }
        return Plan.noChange(
                asWanted.isEmpty() ? "nothing asked of " + name : name + " is " + String.join(" and ", asWanted));
    }
}
