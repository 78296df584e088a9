package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Locale;

/** Whether FreeBSD's rc.conf enables a service: {@code sysrc -n NAME_enable} says YES (in any case). */
@Doc(value = "Whether rc.conf enables a FreeBSD service (sysrc -n NAME_enable is YES); false when unset.")
public record RcConfEnabled(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name) implements Fact<Boolean> {
    public RcConfEnabled {
        BsdinitService.checkRcName("RcConfEnabled", name);
    }

    @Override
    public Command command() {
        return Command.of("sysrc", "-n", name + "_enable");
    }

    @Override
    public Boolean parse(String stdout) {
        return stdout.strip().toUpperCase(Locale.ROOT).equals("YES");
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
