package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;

/**
 * The {@code Command} fact: what a shell command prints, without the one newline that ends its output, or null
 * when it exits non-zero. The command should only read; facts are gathered before anything changes. The argument
 * is called {@code shell} because a fact's {@code command()} is the command that reads it.
 */
@Doc(
        name = "Command",
        value =
                "What a shell command prints (less its final newline), or null when it exits non-zero. The command must change nothing.")
public record CommandOutput(
        @Arg(value = "shell command to run, e.g. cat /etc/timezone", required = true)
        String shell) implements Fact<String> {
    public CommandOutput {
        if (shell == null || shell.isBlank()) {
            throw new IllegalArgumentException("Command needs the shell text to run");
        }
    }

    @Override
    public Command command() {
        // The text is the user's own shell; it runs in a shell of its own, so an unbalanced quote or an exit
        // in it cannot affect the other facts read in the same round trip.
        return Command.of("sh", "-c", shell);
    }

    @Override
    public String parse(String stdout) {
        return Output.withoutFinalNewline(stdout);
    }

    @Override
    public String absent() {
        return null;
    }
}
