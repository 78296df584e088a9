package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** The host's user accounts by name, from {@code getent passwd} (local files and NSS sources such as LDAP). */
@Doc(value = "Every user: uid, gid, home and shell.")
public record Users() implements Fact<Map<String, Users.User>> {

    /** @param shell the login shell; empty when the passwd entry leaves it blank (the system default applies) */
    public record User(int uid, int gid, String home, String shell) {}

    @Override
    public Command command() {
        return Command.of("getent", "passwd");
    }

    @Override
    public Map<String, User> parse(String stdout) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            // -1 keeps trailing empty fields, so a blank shell is still seven fields.
            String[] f = line.strip().split(":", -1);
            if (f.length < 7 || f[0].isEmpty()) {
                continue;
            }
            Integer uid = number(f[2]);
            Integer gid = number(f[3]);
            // A malformed entry says nothing reliable about the account; skipping it is safer than guessing.
            if (uid != null && gid != null) {
                users.putIfAbsent(f[0], new User(uid, gid, f[5], f[6]));
            }
        }
        return users;
    }

    @Override
    public Map<String, User> absent() {
        return Map.of();
    }

    static Integer number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
