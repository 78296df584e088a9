package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.regex.Pattern;

/** A user's home directory, from {@code getent passwd USER}; null when there is no such user (or no getent). */
@Doc(value = "A user's home directory (getent passwd), or null when the user does not exist.")
public record Home(
        @Arg(value = "the user, e.g. deploy", required = true)
        String user) implements Fact<String> {
    // POSIX portable user names, plus '$' for machine accounts; no leading '-', so getent never reads an option.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.@-]*\\$?");

    public Home {
        if (user == null || !NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("Home: '" + user + "' is not a user name");
        }
    }

    @Override
    public Command command() {
        return Command.of("getent", "passwd", user);
    }

    @Override
    public String parse(String stdout) {
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split(":", -1);
            // getent may list the name from several sources; the first entry is the one the system uses.
            if (f.length >= 7 && f[0].equals(user)) {
                return f[5].isEmpty() ? null : f[5];
            }
        }
        return null;
    }

    @Override
    public String absent() {
        return null;
    }
}
