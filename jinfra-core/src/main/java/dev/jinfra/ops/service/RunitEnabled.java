package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Whether runit supervises a service: its entry is in the directory runsvdir watches (a link to /etc/sv/NAME). */
@Doc(value = "Whether a runit service is enabled: NAME is in the services directory runsvdir watches.")
public record RunitEnabled(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name,

        @Arg(value = "the directory runsvdir watches", defaultValue = "/var/service")
        String servicesDir)
        implements Fact<Boolean> {
    public RunitEnabled {
        ServiceNames.check("RunitEnabled", "service", name);
        servicesDir = RunitService.directory("RunitEnabled", servicesDir == null ? "/var/service" : servicesDir);
    }

    @Override
    public Command command() {
        // -L as well as -e: a link whose target is gone is still an entry runsvdir tries to run.
        return Command.of("sh", "-c", "test -e \"$1\" || test -L \"$1\"", "sh", servicesDir + "/" + name);
    }

    @Override
    public Boolean parse(String stdout) {
        return true;
    }

    @Override
    public Boolean absent() {
        return false;
    }

    @Override
    public String confinedTo() {
        return servicesDir + "/" + name;
    }
}
