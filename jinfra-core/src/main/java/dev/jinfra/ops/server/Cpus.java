package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * How many CPUs are online: {@code nproc} (GNU coreutils, BusyBox), else {@code getconf} (glibc, musl, the BSDs,
 * macOS); null when neither answers.
 */
@Doc(value = "How many CPUs are online (nproc, else getconf _NPROCESSORS_ONLN); null when neither is there.")
public record Cpus() implements Fact<Integer> {
    @Override
    public Command command() {
        return Command.shell("nproc 2>/dev/null || getconf _NPROCESSORS_ONLN");
    }

    @Override
    public Integer parse(String stdout) {
        return Numbers.intOrNull(stdout);
    }

    @Override
    public Integer absent() {
        return null;
    }
}
