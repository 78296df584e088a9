package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.FileEdit;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/** {@code files.file}: a regular file exists (created empty when missing) with a mode, owner and group, or is absent. */
@Doc(
        name = "files.file",
        value =
                "A regular file exists (created empty when missing) with the given mode, owner and group, or is absent.",
        example = "files.file(\"/etc/app.conf\", \"640\");")
public record FileOp(
        @Arg(value = "the file's path", required = true) String path,

        @Arg(value = "whether the file should exist", defaultValue = "true")
        boolean present,

        @Arg("update the file's times even when it exists (always a change)")
        boolean touch,

        @Arg("octal permissions such as 644; unchanged when not given")
        String mode,

        @Arg("owning user; unchanged when not given") String owner,
        @Arg("owning group; unchanged when not given") String group)
        implements Operation {

    public FileOp {
        Edits.checkPath("files.file", path);
        Ownership.checkMode("files.file", mode);
    }

    @Override
    public String describe() {
        return (present ? "File: " : "Remove file: ") + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        FileInfo.Value now = facts.get(new FileInfo(path));
        if (now != null && !now.isFile()) {
            // Neither creating nor removing should turn a directory (or device, or link) into something else.
            throw new IllegalStateException(path + " exists but is a " + now.type() + ", not a regular file");
        }
        if (!present) {
            return now == null ? Plan.noChange(path + " does not exist") : Plan.run(Command.of("rm", "-f", "--", path));
        }
        List<Command> commands = new ArrayList<>();
        if (now == null) {
            // The shell's own redirection makes the empty file (touch was a process per file), under the umask
            // that gives it the wanted mode where the mode has only read and write bits (chmod was another).
            String umask = mode == null ? null : Ownership.creationUmask(mode);
            commands.add(Command.script((umask == null ? "" : "umask " + umask + " && ") + ": >> \"$1\"", path));
            commands.addAll(Ownership.fix(path, umask == null ? null : mode, null, null, mode, owner, group));
        } else {
            if (touch) {
                commands.add(Command.of("touch", "--", path));
            }
            commands.addAll(Ownership.fix(path, now.mode(), now.owner(), now.group(), mode, owner, group));
        }
        if (commands.isEmpty()) {
            return Plan.noChange(path + " is a file as wanted");
        }
        // An empty file where there was none.
        return now == null ? Plan.run(commands).withEdits(new FileEdit.Created(path)) : Plan.run(commands);
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(path);
    }
}
