package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FileContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code server.user}: a user account exists with the attributes given, or does not. Attributes not given are
 * left as they are; {@code groups}, when not empty, is the exact set of supplementary groups. {@code publicKeys}
 * are lines that must be in the user's {@code ~/.ssh/authorized_keys}; other lines there are kept.
 */
@Doc(
        name = "server.user",
        value = "A user exists with the given uid, groups, home and shell, or is absent.",
        example = "server.user(\"deploy\");")
public record User(
        @Arg(value = "the user's login name", required = true)
        String name,

        @Arg(value = "whether the user should exist", defaultValue = "true")
        boolean present,

        @Arg("numeric user id; chosen by the system when not given")
        Integer uid,

        @Arg("primary group, by name or number; the system default when not given")
        String group,

        @Arg("supplementary groups, exactly these when given (empty leaves them as they are)")
        List<String> groups,

        @Arg("home directory; the system default when not given")
        String home,

        @Arg("login shell; the system default when not given")
        String shell,

        @Arg("create it as a system account (system id range, no home directory made)")
        boolean system,

        @Arg("SSH public key lines that must be in the user's ~/.ssh/authorized_keys (other lines are kept); the home"
                + " is the home argument, else the existing user's, else /home/NAME (useradd -m's default) for a user"
                + " this operation creates")
        List<String> publicKeys)
        implements Operation {

    // Runs as root (or whoever may write the home): $1 home, $2 user, $3 primary group (empty: the user's login
    // group), then the keys. Keys and names are positional arguments, never part of the script text. mkdir -m
    // sets the mode only on a .ssh it makes, and a new file is made 600; a file without a final newline gets one
    // first, so that an appended key never joins the last line.
    private static final String AUTHORIZE =
            "set -e; d=\"$1/.ssh\"; f=\"$d/authorized_keys\"; u=\"$2\"; g=\"$3\"; shift 3; "
                    + "mkdir -p -m 700 -- \"$d\"; "
                    + "if [ ! -e \"$f\" ]; then : > \"$f\"; chmod 600 -- \"$f\"; fi; "
                    + "if [ -s \"$f\" ] && [ -n \"$(tail -c 1 -- \"$f\")\" ]; then echo >> \"$f\"; fi; "
                    + "for k in \"$@\"; do grep -qxF -- \"$k\" \"$f\" || printf '%s\\n' \"$k\" >> \"$f\"; done; "
                    + "chown -- \"$u:$g\" \"$d\" \"$f\"";

    /** A user without public keys to authorize: the record's form before {@code publicKeys} existed. */
    public User(
            String name,
            boolean present,
            Integer uid,
            String group,
            List<String> groups,
            String home,
            String shell,
            boolean system) {
        this(name, present, uid, group, groups, home, shell, system, List.of());
    }

    public User {
        Names.account("server.user", "user", name);
        Names.id("server.user", "uid", uid);
        if (group != null && !group.chars().allMatch(Character::isDigit)) {
            Names.account("server.user", "group", group);
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        groups.forEach(g -> Names.account("server.user", "group", g));
        Names.absolutePath("server.user", "home", home);
        Names.absolutePath("server.user", "shell", shell);
        // Surrounding white space (a key read from a .pub file ends in a newline) is not part of the key.
        List<String> keys = new ArrayList<>();
        for (String key : publicKeys == null ? List.<String>of() : publicKeys) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("server.user: a public key must not be blank");
            }
            String k = key.strip();
            if (k.contains("\n") || k.contains("\r")) {
                throw new IllegalArgumentException("server.user: a public key must be one line, not '" + k + "'");
            }
            keys.add(k);
        }
        publicKeys = List.copyOf(keys);
        if (!present && !publicKeys.isEmpty()) {
            throw new IllegalArgumentException("server.user: publicKeys need the user to be present");
        }
    }

    @Override
    public String describe() {
        return (present ? "User: " : "Remove user: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        // With the home given, the key file is read in the same round trip as the users.
        String keysNow = home != null && !publicKeys.isEmpty() ? facts.get(new FileContent(keyFile(home))) : null;
        Users.User now = facts.get(new Users()).get(name);
        if (!present) {
            return now == null
                    ? Plan.noChange("user " + name + " does not exist")
                    : Plan.run(Command.of("userdel", "--", name));
        }
        List<Command> commands = new ArrayList<>();
        // Missing groups are not checked here: a server.group earlier in the deploy may create them, and
        // useradd/usermod name a missing group clearly themselves.
        if (now == null) {
            commands.add(create());
            // A new account owns no key file yet, whatever is at its home: every key goes in, and the chown.
            if (!publicKeys.isEmpty()) {
                commands.add(authorize(home != null ? home : "/home/" + name, publicKeys));
            }
            return Plan.run(commands);
        }
        // Group membership is only read (one more remote command) when the deploy asks about groups.
        modify(now, group == null && groups.isEmpty() ? Map.of() : facts.get(new Groups()))
                .ifPresent(commands::add);
        if (!publicKeys.isEmpty()) {
            String userHome = home != null ? home : now.home();
            if (!userHome.startsWith("/")) {
                throw new IllegalStateException("server.user: user " + name + " has no home directory ('" + userHome
                        + "') to hold authorized_keys; give home");
            }
            if (home == null) {
                keysNow = facts.get(new FileContent(keyFile(userHome)));
            }
            List<String> missing = missingKeys(keysNow);
            if (!missing.isEmpty()) {
                commands.add(authorize(userHome, missing));
            }
        }
        return commands.isEmpty() ? Plan.noChange("user " + name + " is as wanted") : Plan.run(commands);
    }

    private static String keyFile(String home) {
        return (home.endsWith("/") ? home : home + "/") + ".ssh/authorized_keys";
    }

    /** The wanted keys that are not a whole line of the file (null: no file, so all of them). */
    private List<String> missingKeys(String content) {
        Set<String> lines = new java.util.HashSet<>();
        if (content != null) {
            content.lines().forEach(lines::add);
        }
        return publicKeys.stream().filter(k -> !lines.contains(k)).distinct().toList();
    }

    private Command authorize(String userHome, List<String> keys) {
        List<String> args = new ArrayList<>(List.of(userHome, name, group == null ? "" : group));
        args.addAll(keys);
        return Command.script(AUTHORIZE, args);
    }

    private Command create() {
        List<String> words = new ArrayList<>(List.of("useradd"));
        // Ordinary accounts get their home directory made; system accounts usually have none.
        words.add(system ? "-r" : "-m");
        flags(words, true, true, true, true, true);
        words.addAll(List.of("--", name));
        return Command.of(words);
    }

    private java.util.Optional<Command> modify(Users.User now, Map<String, Groups.Group> allGroups) {
        boolean uidDiffers = uid != null && now.uid() != uid;
        boolean groupDiffers = group != null
                && !group.equals(String.valueOf(now.gid()))
                && (allGroups.get(group) == null || allGroups.get(group).gid() != now.gid());
        Set<String> current = new TreeSet<>();
        allGroups.forEach((g, info) -> {
            if (info.members().contains(name)) {
                current.add(g);
            }
        });
        boolean groupsDiffer = !groups.isEmpty() && !current.equals(new TreeSet<>(groups));
        boolean homeDiffers = home != null && !home.equals(now.home());
        boolean shellDiffers = shell != null && !shell.equals(now.shell());
        List<String> words = new ArrayList<>(List.of("usermod"));
        // usermod -d without -m: the account points at the new home; moving files is a separate decision.
        flags(words, uidDiffers, groupDiffers, groupsDiffer, homeDiffers, shellDiffers);
        if (words.size() == 1) {
            return java.util.Optional.empty();
        }
        words.addAll(List.of("--", name));
        return java.util.Optional.of(Command.of(words));
    }

    private void flags(List<String> words, boolean u, boolean g, boolean gs, boolean d, boolean s) {
        if (u && uid != null) {
            words.addAll(List.of("-u", uid.toString()));
        }
        if (g && group != null) {
            words.addAll(List.of("-g", group));
        }
        if (gs && !groups.isEmpty()) {
            words.addAll(List.of("-G", String.join(",", groups)));
        }
        if (d && home != null) {
            words.addAll(List.of("-d", home));
        }
        if (s && shell != null) {
            words.addAll(List.of("-s", shell));
        }
    }
}
