package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code files.directory}: a directory exists (with a mode, owner and group when given), or is absent. With
 * {@code recursive}, the mode, owner and group apply to everything below it too.
 *
 * @param mode octal like {@code 755}, or null to leave it
 */
@Doc(
        name = "files.directory",
        value = "A directory exists with the given mode, owner and group, or is absent.",
        example = "files.directory(\"/srv/app\", \"750\").owner(\"app\").group(\"app\");")
public record Directory(
        @Arg(value = "the directory's path", required = true)
        String path,

        @Arg(value = "whether the directory should exist", defaultValue = "true")
        boolean present,

        @Arg(
                "octal permissions such as 755, which leaves set-user/group-ID bits of directories as they are (2775 meets 755);"
                        + " 4 digits such as 0755 or 2775 are applied exactly; unchanged when not given")
        String mode,

        @Arg("owning user; unchanged when not given") String owner,
        @Arg("owning group; unchanged when not given") String group,

        @Arg("apply mode, owner and group to everything below the directory too (files get the same mode;"
                + " symbolic links keep theirs)")
        boolean recursive)
        implements Operation {
    private static final Pattern OCTAL = Pattern.compile("[0-7]{3,4}");

    public Directory {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("files.directory needs a path");
        }
        if (mode != null && !OCTAL.matcher(mode).matches()) {
            throw new IllegalArgumentException("files.directory mode must be octal like 755, not '" + mode + "'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Directory: " : "Remove directory: ") + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        DirectoryInfo.Value now = facts.get(new DirectoryInfo(path));
        // Asked together with the directory's own facts, so a no-change run stays one round trip.
        boolean walk = present && recursive && (mode != null || owner != null || group != null);
        String differs = walk ? facts.get(new TreeMismatch(path, mode, owner, group)) : null;
        if (!present) {
            return now == null
                    ? Plan.noChange(path + " does not exist")
                    : Plan.run(Command.of("rm", "-rf", "--", path));
        }
        if (now != null && !now.isDirectory()) {
            throw new IllegalStateException(path + " exists but is a " + now.type() + ", not a directory");
        }
        List<Command> commands = new ArrayList<>();
        // A new directory gets a plain 3-digit mode as mkdir makes it (-m sets it exactly, whatever the umask): one
        // process on the host instead of two. A 4-digit mode says what the set-ID bits must be, which a directory
        // may inherit from its parent whatever -m says, so chmod sets it afterwards.
        boolean modeOnCreate = now == null && mode != null && mode.length() == 3;
        if (now == null) {
            commands.add(
                    modeOnCreate
                            ? Command.of("mkdir", "-p", "-m", mode, "--", path)
                            : Command.of("mkdir", "-p", "--", path));
        }
        List<Command> own = now == null
                ? Ownership.fixDirectory(path, modeOnCreate ? mode : null, null, null, mode, owner, group)
                : Ownership.fixDirectory(path, now.mode(), now.owner(), now.group(), mode, owner, group);
        // A new directory has nothing below it. For an existing one, the directory's own stat counts as well as
        // the walk: find reads an unknown owner or group as an error (absent), which must not pass for a match.
        if (walk && now != null && (differs != null || !own.isEmpty())) {
            own = recursiveFix();
        }
        commands.addAll(own);
        if (commands.isEmpty()) {
            return Plan.noChange(path + " is a directory as wanted");
        }
        return now == null ? Plan.run(commands).withCreated(path) : Plan.run(commands);
    }

    // The walk says only that something differs, not what: every part given is applied to the whole tree.
    private List<Command> recursiveFix() {
        List<Command> commands = new ArrayList<>();
        if (mode != null) {
            commands.add(Command.of("chmod", "-R", Ownership.chmodMode(mode, true), "--", path));
        }
        if (owner != null) {
            commands.add(Command.of("chown", "-R", group == null ? owner : owner + ":" + group, "--", path));
        } else if (group != null) {
            commands.add(Command.of("chgrp", "-R", group, "--", path));
        }
        return commands;
    }

    @Override
    public ChangeScope changes() {
        // Removing a directory or applying modes recursively reaches what lies beneath it.
        return !present || recursive ? ChangeScope.trees(path) : ChangeScope.entries(path);
    }
}
