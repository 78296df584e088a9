package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FileEdit;
import dev.jinfra.api.FollowsEdits;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a file that match an extended regular expression (as {@code grep -E}): an empty list when
 * none do, {@code null} when the file cannot be read.
 */
@Doc(value = "The lines of a file matching a regex; null when the file cannot be read.")
public record FindInFile(
        @Arg(value = "file to search", required = true) String path,

        @Arg(value = "extended regular expression (grep -E)", required = true)
        String pattern)
        implements FollowsEdits<List<String>> {

    /**
     * {@code text} as an extended regular expression that matches exactly it, for patterns that hold user text
     * (a locale, a limits.conf domain) around fixed syntax.
     */
    public static String literal(String text) {
        return Edits.literalRegex(text);
    }

    @Override
    public Command command() {
        return Command.of("grep", "-E", "-e", pattern, "--", path);
    }

    /** grep exits 1 for "no match", which is a value here; only 2 (unreadable file, bad pattern) is absence. */
    @Override
    public boolean hasValue(int exitCode) {
        return exitCode <= 1;
    }

    @Override
    public List<String> parse(String stdout) {
        if (stdout.isEmpty()) {
            return List.of();
        }
        String body = Output.withoutFinalNewline(stdout);
        // -1 keeps empty lines that matched (e.g. for ^$).
        return List.copyOf(Arrays.asList(body.split("\n", -1)));
    }

    @Override
    public List<String> absent() {
        return null;
    }

    /** A new empty file has no matching line; appended lines that match come after those before. */
    @Override
    public List<String> after(List<String> before, FileEdit edit) {
        return switch (edit) {
            case FileEdit.Created c -> List.of();
            case FileEdit.Appended a -> {
                if (before == null) {
                    yield null;
                }
                List<String> now = new java.util.ArrayList<>(before);
                for (String line : a.lines()) {
                    Boolean match = SimpleEre.find(pattern, line);
                    if (match == null) {
                        yield null;
                    }
                    if (match) {
                        now.add(line);
                    }
                }
                yield List.copyOf(now);
            }
        };
    }

    @Override
    public String confinedTo() {
        return path;
    }

    @Override
    public String absentWithout() {
        return path;
    }
}
