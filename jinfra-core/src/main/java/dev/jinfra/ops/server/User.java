package dev.jinfra.ops.server;

import dev.jinfra.deploy.Doc;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Arg;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;
import dev.jinfra.facts.Groups;
import dev.jinfra.facts.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code server.user}: a user account exists with the attributes given, or does not. Attributes not given are
 * left as they are; {@code groups}, when not empty, is the exact set of supplementary groups.
 */
@Doc(value = "A user exists with the given uid, groups, home and shell, or is absent.", example = "server.user(\"deploy\");")
public record User(
        @Arg(value = "the user's login name", required = true) String name,
        @Arg(value = "whether the user should exist", defaultValue = "true") boolean present,
        @Arg("numeric user id; chosen by the system when not given") Integer uid,
        @Arg("primary group, by name or number; the system default when not given") String group,
        @Arg("supplementary groups, exactly these when given (empty leaves them as they are)") List<String> groups,
        @Arg("home directory; the system default when not given") String home,
        @Arg("login shell; the system default when not given") String shell,
        @Arg("create it as a system account (system id range, no home directory made)") boolean system) implements Operation {

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
    }

    @Override
    public String describe() {
        return (present ? "User: " : "Remove user: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        Users.User now = facts.get(new Users()).get(name);
        if (!present) {
            return now == null ? Plan.noChange("user " + name + " does not exist") : Plan.run(Command.of("userdel", "--", name));
        }
        // Missing groups are not checked here: a server.group earlier in the deploy may create them, and
        // useradd/usermod name a missing group clearly themselves.
        if (now == null) {
            return Plan.run(create());
        }
        // Group membership is only read (one more remote command) when the deploy asks about groups.
        return modify(now, group == null && groups.isEmpty() ? Map.of() : facts.get(new Groups()));
    }

    private Command create() {
        List<String> words = new ArrayList<>(List.of("useradd"));
        // Ordinary accounts get their home directory made; system accounts usually have none.
        words.add(system ? "-r" : "-m");
        flags(words, true, true, true, true, true);
        words.addAll(List.of("--", name));
        return Command.of(words);
    }

    private Plan modify(Users.User now, Map<String, Groups.Group> allGroups) {
        boolean uidDiffers = uid != null && now.uid() != uid;
        boolean groupDiffers = group != null && !group.equals(String.valueOf(now.gid()))
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
            return Plan.noChange("user " + name + " is as wanted");
        }
        words.addAll(List.of("--", name));
        return Plan.run(Command.of(words));
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
