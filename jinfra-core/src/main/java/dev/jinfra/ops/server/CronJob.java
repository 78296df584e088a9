package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code server.crontab}: a line in a user's crontab runs {@code command} on {@code schedule}, or no line runs
 * it. The command identifies the line: a new schedule replaces the old line instead of adding a second one.
 */
@Doc(
        name = "server.crontab",
        value = "A command is in a user's crontab with a schedule, or absent.",
        example = "server.crontab(\"0 3 * * *\", \"/usr/local/bin/backup\");")
public record CronJob(
        @Arg(value = "the command the line runs", required = true)
        String command,

        @Arg(value = "whose crontab", defaultValue = "root") String user,

        @Arg("five time fields like '0 3 * * *', or @daily, @reboot ...; needed unless present is false")
        String schedule,

        @Arg(value = "whether the line should be there", defaultValue = "true")
        boolean present)
        implements Operation {
    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*/,-]+");
    private static final Pattern SPECIAL =
            Pattern.compile("@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)");
    // The whole crontab goes in as $1 and the user as $2; printf '%s' adds nothing and interprets nothing.
    private static final String INSTALL = "printf '%s' \"$1\" | crontab -u \"$2\" -";

    public CronJob {
        if (command == null || command.isBlank() || command.contains("\n")) {
            throw new IllegalArgumentException("server.crontab needs a command on one line");
        }
        command = command.strip();
        user = Names.account("server.crontab", "user", user == null ? "root" : user);
        if (schedule != null) {
            schedule = schedule.strip().replaceAll("\\s+", " ");
            if (!validSchedule(schedule)) {
                throw new IllegalArgumentException("server.crontab: '" + schedule
                        + "' is not a schedule; use five fields like '0 3 * * *' or @daily");
            }
        } else if (present) {
            throw new IllegalArgumentException("server.crontab needs a schedule such as '0 3 * * *'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Crontab (" + user + "): " + schedule + " " : "Remove from crontab (" + user + "): ")
                + command;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> lines = facts.get(new Crontab(user));
        List<String> next = new ArrayList<>();
        String wanted = schedule + " " + command;
        boolean placed = false;
        for (String line : lines) {
            Entry entry = Entry.of(line);
            if (entry == null || !command.equals(entry.command())) {
                next.add(line);
            } else if (present && !placed) {
                // The first line for the command takes the wanted schedule (kept as written when it already
                // has it); any duplicates go.
                next.add(entry.schedule().equals(schedule) ? line : wanted);
                placed = true;
            }
        }
        if (present && !placed) {
            next.add(wanted);
        }
        if (next.equals(lines)) {
            return Plan.noChange(
                    present ? user + "'s crontab runs " + command : user + "'s crontab does not run " + command);
        }
        String content = next.isEmpty() ? "" : String.join("\n", next) + "\n";
        return Plan.run(Command.script(INSTALL, content, user));
    }

    /** One crontab entry, its schedule with single spaces. */
    record Entry(String schedule, String command) {
        /** The entry on a line, or null for comments, variable settings and blank lines. */
        static Entry of(String line) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                return null;
            }
            int fields = l.startsWith("@") ? 1 : 5;
            String[] parts = l.split("\\s+", fields + 1);
            String when = String.join(" ", List.of(parts).subList(0, Math.min(fields, parts.length)));
            return parts.length <= fields || !validSchedule(when) ? null : new Entry(when, parts[fields].strip());
        }
    }

    private static boolean validSchedule(String s) {
        if (s.startsWith("@")) {
            return SPECIAL.matcher(s).matches();
        }
        String[] f = s.split(" ");
        return f.length == 5
                && List.of(f).stream().allMatch(x -> FIELD.matcher(x).matches());
    }
}
