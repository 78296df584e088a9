package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Whether OpenRC reports a service started: {@code rc-service NAME status} exits 0 only then (3 when stopped). */
@Doc(value = "Whether an OpenRC service is started (rc-service NAME status exits 0).")
public record OpenrcStatus(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name) implements Fact<Boolean> {
    public OpenrcStatus {
        ServiceNames.check("OpenrcStatus", "service", name);
    }

    @Override
    public Command command() {
        // rc-service takes no "--"; the name cannot start with '-' (checked above).
        return Command.of("rc-service", name, "status");
    }

    @Override
    public Boolean parse(String stdout) {
        return true;
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
