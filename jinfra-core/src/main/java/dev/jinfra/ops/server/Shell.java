package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;

/** {@code server.shell}: runs shell commands every time (it cannot know whether they are needed). */
@Doc(
        name = "server.shell",
        value = "Runs shell commands on every run: it cannot know whether they are needed.",
        example = "server.shell(\"systemctl daemon-reload\").sudo();")
public record Shell(
        @Arg(value = "shell commands, run in order", required = true)
        List<String> commands) implements Operation {
    public Shell {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("server.shell needs at least one command");
        }
        commands = List.copyOf(commands);
    }

    @Override
    public String describe() {
        return "Shell: " + String.join("; ", commands);
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(commands.stream().map(Command::shell).toList());
    }
}
