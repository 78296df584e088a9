package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The first path at or below a directory whose mode, owner or group is not the given one, or {@code null} when
 * everything matches (or the directory is missing). Only the parts given are compared; {@code find} stops at the
 * first difference, so a large tree that is as wanted costs one walk and prints nothing.
 */
@Doc(value = "First path at or below a directory whose mode, owner or group differs, or null.")
public record TreeMismatch(
        @Arg(value = "the directory to walk", required = true)
        String path,

        @Arg(
                "octal mode every entry should have (symbolic links are not compared; with 3 digits, a directory's set-user/group-ID bits are not either)")
        String mode,

        @Arg("user every entry should belong to") String owner,
        @Arg("group every entry should belong to") String group)
        implements Fact<String> {
    private static final Pattern OCTAL = Pattern.compile("[0-7]{3,4}");

    public TreeMismatch {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("TreeMismatch needs a path");
        }
        if (mode == null && owner == null && group == null) {
            throw new IllegalArgumentException("TreeMismatch needs a mode, owner or group to compare");
        }
        if (mode != null && !OCTAL.matcher(mode).matches()) {
            throw new IllegalArgumentException("TreeMismatch mode must be octal like 755, not '" + mode + "'");
        }
    }

    @Override
    public Command command() {
        List<String> words = new ArrayList<>(List.of("find", "--", path, "("));
        if (mode != null) {
            // A symbolic link's own mode is always 777 and chmod -R leaves links alone: comparing them would
            // report a difference that no run can fix.
            if (mode.length() == 4) {
                words.addAll(List.of("!", "-type", "l", "!", "-perm", mode));
            } else {
                // A 3-digit mode leaves a directory's set-user/group-ID bits alone (see Ownership.fixDirectory):
                // 2775 meets 775 for a directory, and only for a directory.
                words.addAll(List.of(
                        "(",
                        "!",
                        "-type",
                        "l",
                        "!",
                        "-type",
                        "d",
                        "!",
                        "-perm",
                        "0" + mode,
                        ")",
                        "-o",
                        "(",
                        "-type",
                        "d",
                        "!",
                        "-perm",
                        "0" + mode,
                        "!",
                        "-perm",
                        "02" + mode,
                        "!",
                        "-perm",
                        "04" + mode,
                        "!",
                        "-perm",
                        "06" + mode,
                        ")"));
            }
        }
        if (owner != null) {
            if (words.size() > 4) {
                words.add("-o");
            }
            words.addAll(List.of("!", "-user", owner));
        }
        if (group != null) {
            if (words.size() > 4) {
                words.add("-o");
            }
            words.addAll(List.of("!", "-group", group));
        }
        words.addAll(List.of(")", "-print", "-quit"));
        return Command.of(words);
    }

    @Override
    public String parse(String stdout) {
        // One path and its newline; the path itself may contain newlines, so only the last one is dropped.
        String first = Output.withoutFinalNewline(stdout);
        return first.isEmpty() ? null : first;
    }

    @Override
    public String absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }
}
