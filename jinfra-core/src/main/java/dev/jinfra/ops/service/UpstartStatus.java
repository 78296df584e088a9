package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * Whether an Upstart job is running, from {@code initctl status NAME} ("ssh start/running, process 812"): its goal
 * is start, so one on its way up counts, as systemd's activating units do. A job Upstart does not know reads as
 * not running.
 */
@Doc(value = "Whether an Upstart job is running (initctl status shows the goal start).")
public record UpstartStatus(
        @Arg(value = "the job, e.g. ssh", required = true) String name) implements Fact<Boolean> {
    public UpstartStatus {
        ServiceNames.check("UpstartStatus", "job", name);
    }

    @Override
    public Command command() {
        return Command.of("initctl", "status", name);
    }

    @Override
    public Boolean parse(String stdout) {
        // "NAME start/running, process 1", "NAME stop/waiting"; instances add their own lines, the first decides.
        String first = stdout.strip().lines().findFirst().orElse("");
        return first.contains(" start/");
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
