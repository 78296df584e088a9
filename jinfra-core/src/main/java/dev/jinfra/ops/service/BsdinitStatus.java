package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * Whether a FreeBSD rc.d service runs: {@code service NAME onestatus} exits 0 only then ("one" asks even when rc.conf
 * does not enable it).
 */
@Doc(value = "Whether a FreeBSD rc.d service runs (service NAME onestatus exits 0).")
public record BsdinitStatus(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name) implements Fact<Boolean> {
    public BsdinitStatus {
        BsdinitService.checkRcName("BsdinitStatus", name);
    }

    @Override
    public Command command() {
        return Command.of("service", name, "onestatus");
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
