package dev.jinfra.ops.service;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/** {@code systemd.daemonReload}: systemd rereads unit files. No fact tells whether it is needed, so it always runs. */
@Doc(
        name = "systemd.daemonReload",
        value = "systemd rereads its unit files (always runs).",
        example = "systemd.daemonReload().sudo();")
public record SystemdDaemonReload() implements Operation {
    @Override
    public String describe() {
        return "Systemd daemon-reload";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("systemctl", "daemon-reload"));
    }
}
