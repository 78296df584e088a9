package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one user's crontab, comments included (they are kept when the crontab is rewritten). A user
 * with no crontab makes {@code crontab -l} exit 1, which reads as an empty list.
 */
@Doc(value = "The lines of a user's crontab.")
public record Crontab(
        @Arg(value = "whose crontab", defaultValue = "root") String user) implements Fact<List<String>> {
    public Crontab {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("Crontab needs a user");
        }
    }

    @Override
    public Command command() {
        return Command.of("crontab", "-l", "-u", user);
    }

    @Override
    public List<String> parse(String stdout) {
        List<String> lines = new ArrayList<>(List.of(stdout.split("\n", -1)));
        // The final line break leaves one empty element; blank lines inside the crontab stay.
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return List.copyOf(lines);
    }

    @Override
    public List<String> absent() {
        // crontab exits 1 for "no crontab for USER" and for other failures alike; both read as empty here, so
        // a later rewrite could replace a crontab that merely could not be read.
        return List.of();
    }
}
