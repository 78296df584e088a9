package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.DirectoryInfo;
import dev.jinfra.ops.files.FileContent;
import dev.jinfra.ops.files.FileInfo;
import dev.jinfra.ops.files.Ownership;
import dev.jinfra.ops.files.Uploads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code server.userAuthorizedKeys}: a user's ~/.ssh/authorized_keys holds the given keys, besides the lines already
 * there or, with {@code exclusive}, only them. A key counts as there when a line holds the same key material
 * (options and comment aside), so a key is never added twice. The directory is the user's with mode 700 and the file
 * with 600, as sshd's StrictModes wants them; a changed file is written whole and atomically, like
 * {@code files.put}, never edited in place.
 */
@Doc(
        name = "server.userAuthorizedKeys",
        value =
                "A user's ~/.ssh/authorized_keys holds the given keys (never twice), with the other lines kept or, with exclusive, only these keys; ~/.ssh is 700 and the file 600, both the user's.",
        example =
                "server.userAuthorizedKeys(\"deploy\", \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0S deploy@ci\").sudo();")
public record UserAuthorizedKeys(
        @Arg(value = "the user whose keys these are", required = true)
        String user,

        @Arg("public key lines, e.g. the content of id_ed25519.pub; options before the key are kept")
        List<String> keys,

        @Arg("only these keys: every other line of the file goes")
        boolean exclusive,

        @Arg("the directory that holds .ssh; the user's home directory when not given")
        String home)
        implements Operation {
    private static final String OP = "server.userAuthorizedKeys";
    // Key types as sshd names them: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com, ...
    private static final Pattern KEY_TYPE = Pattern.compile("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+");

    public UserAuthorizedKeys {
        Names.account(OP, "user", user);
        Names.absolutePath(OP, "home", home);
        List<String> clean = new ArrayList<>();
        for (String key : keys == null ? List.<String>of() : keys) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(OP + ": a key must not be blank");
            }
            // A key read from a .pub file ends in a newline, which is not part of it.
            String k = key.strip();
            if (k.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException(OP + ": a key must be one line of text, not '" + k + "'");
            }
            clean.add(k);
        }
        keys = List.copyOf(clean);
        if (keys.isEmpty() && !exclusive) {
            throw new IllegalArgumentException(OP + ": " + user + " needs keys (or exclusive, to remove every key)");
        }
    }

    @Override
    public String describe() {
        return "Authorized keys of " + user + ": " + keys.size() + (exclusive ? " (only these)" : "");
    }

    @Override
    public Plan plan(FactSource facts) {
        Users.User account = facts.get(new Users()).get(user);
        Map<String, Groups.Group> groups = facts.get(new Groups());
        if (account == null) {
            throw new IllegalStateException(OP + ": no user " + user + " on the host");
        }
        String base = home != null ? home : account.home();
        if (base == null || !base.startsWith("/")) {
            throw new IllegalStateException(
                    OP + ": user " + user + " has no home directory ('" + base + "') to hold .ssh; give home");
        }
        String dir = (base.endsWith("/") ? base : base + "/") + ".ssh";
        String file = dir + "/authorized_keys";
        DirectoryInfo.Value dirNow = facts.get(new DirectoryInfo(dir));
        FileInfo.Value fileNow = facts.get(new FileInfo(file));
        String content = facts.get(new FileContent(file));
        if (fileNow != null && !fileNow.isFile()) {
            throw new IllegalStateException(OP + ": " + file + " is a " + fileNow.type() + ", not a file");
        }
        // stat shows the group by name, so the primary group is compared by name too (its number where it has none).
        String group = groups.entrySet().stream()
                .filter(g -> g.getValue().gid() == account.gid())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(String.valueOf(account.gid()));

        List<Command> commands = new ArrayList<>();
        List<Plan.Upload> uploads = new ArrayList<>();
        if (dirNow == null) {
            commands.add(Command.of("mkdir", "-m", "700", "--", dir));
            commands.add(Command.of("chown", user + ":" + group, "--", dir));
        } else if (!dirNow.isDirectory()) {
            throw new IllegalStateException(OP + ": " + dir + " is a " + dirNow.type() + ", not a directory");
        } else {
            commands.addAll(
                    Ownership.fixDirectory(dir, dirNow.mode(), dirNow.owner(), dirNow.group(), "700", user, group));
        }
        String wanted = wanted(content == null ? "" : content);
        if (fileNow == null && wanted.isEmpty()) {
            // Exclusive with no keys where there is no file: nothing is authorized, as wanted.
        } else if (fileNow == null || !wanted.equals(content)) {
            // Written whole with its mode, owner and group set before it takes the old file's place.
            Plan install = Uploads.install(wanted.getBytes(StandardCharsets.UTF_8), file, "600", user, group);
            uploads.addAll(install.uploads());
            commands.addAll(install.commands());
        } else {
            commands.addAll(Ownership.fix(file, fileNow.mode(), fileNow.owner(), fileNow.group(), "600", user, group));
        }
        if (commands.isEmpty()) {
            return Plan.noChange(file + " holds " + (exclusive ? "only " : "") + "the " + keys.size() + " keys");
        }
        return new Plan(uploads, commands, null);
    }

    /** The file's wanted text, from what it holds now. */
    private String wanted(String current) {
        Map<String, String> byMaterial = new LinkedHashMap<>();
        for (String key : keys) {
            byMaterial.putIfAbsent(material(key), key);
        }
        if (exclusive) {
            return byMaterial.isEmpty() ? "" : String.join("\n", byMaterial.values()) + "\n";
        }
        Set<String> there = new java.util.HashSet<>();
        current.lines().forEach(l -> there.add(material(l.strip())));
        List<String> missing = byMaterial.entrySet().stream()
                .filter(e -> !there.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        if (missing.isEmpty()) {
            return current;
        }
        // A file whose last line lacks its newline gets one, so that the first key added starts a line of its own.
        String before = current.isEmpty() || current.endsWith("\n") ? current : current + "\n";
        return before + String.join("\n", missing) + "\n";
    }

    /** What identifies a key on a line: its type and base64 material, without options before or comment after. */
    static String material(String line) {
        String[] words = line.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (KEY_TYPE.matcher(words[i]).matches()) {
                return words[i] + " " + words[i + 1];
            }
        }
        return line;
    }

    @Override
    public ChangeScope changes() {
        if (home == null) {
            return ChangeScope.ANYWHERE;
        }
        String dir = (home.endsWith("/") ? home : home + "/") + ".ssh";
        return ChangeScope.entries(dir, dir + "/authorized_keys");
    }
}
