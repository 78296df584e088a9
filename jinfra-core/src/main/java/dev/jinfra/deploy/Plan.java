package dev.jinfra.deploy;

import dev.jinfra.command.Command;
import java.util.List;

/**
 * What an operation needs to do on one host: the commands that bring it to the wanted state, or, when it is
 * already there, why nothing is needed ("nginx is installed").
 */
public record Plan(List<Command> commands, String noChangeReason) {
    public Plan {
        commands = List.copyOf(commands);
        if (commands.isEmpty() == (noChangeReason == null)) {
            throw new IllegalArgumentException("a plan has commands or a no-change reason, not both or neither");
        }
    }

    public static Plan run(List<Command> commands) {
        return new Plan(commands, null);
    }

    public static Plan run(Command... commands) {
        return new Plan(List.of(commands), null);
    }

    public static Plan noChange(String reason) {
        return new Plan(List.of(), reason);
    }

    public boolean changes() {
        return !commands.isEmpty();
    }
}
