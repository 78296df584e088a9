package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The running kernel's build, from {@code uname -v}: the release is {@link Kernel}. Null without uname. */
@Doc(value = "The running kernel's version (its build, as uname -v prints it), e.g. #1 SMP PREEMPT_DYNAMIC ...")
public record KernelVersion() implements Fact<String> {
    @Override
    public Command command() {
        return Command.of("uname", "-v");
    }

    @Override
    public String parse(String stdout) {
        String value = stdout.strip();
        return value.isEmpty() ? null : value;
    }

    @Override
    public String absent() {
        return null;
    }
}
