package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.FileEdit;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;

/**
 * {@code files.line}: a line is in a file (appended, or put in place of the first line matching
 * {@code replace}), or is not. The file itself must exist.
 */
@Doc(
        name = "files.line",
        value = "A line is present in a file (optionally replacing the first line matching a regex), or absent.",
        example = "files.line(\"/etc/ssh/sshd_config\", \"PermitRootLogin no\").replace(\"^#?PermitRootLogin\");")
public record Line(
        @Arg(value = "the file's path", required = true) String path,

        @Arg(value = "the whole line, without its newline", required = true)
        String line,

        @Arg(value = "whether the line should be in the file", defaultValue = "true")
        boolean present,

        @Arg("extended regular expression: the first line it matches is replaced by line")
        String replace,

        @Arg("treat replace as plain text rather than a regular expression")
        boolean escapeRegex)
        implements Operation {

    // Replace the first matching line; every other line passes through unchanged.
    private static final String REPLACE_FIRST =
            "!done && $0 ~ ENVIRON[\"JINFRA_RE\"] { print ENVIRON[\"JINFRA_LINE\"]; done = 1; next } { print }";
    private static final String REMOVE_EXACT = "$0 != ENVIRON[\"JINFRA_LINE\"]";

    public Line {
        Edits.checkPath("files.line", path);
        if (line == null) {
            throw new IllegalArgumentException("files.line needs a line");
        }
        Edits.checkOneLine("files.line", "line", line);
        if (replace != null) {
            if (replace.isEmpty()) {
                throw new IllegalArgumentException("files.line replace must not be empty");
            }
            if (!escapeRegex) {
                Edits.checkRegex("files.line", "replace", replace);
            }
        }
    }

    @Override
    public String describe() {
        return (present ? "Line in " : "No line in ") + path + ": " + line;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> exact = facts.get(new FindInFile(path, "^" + Edits.literalRegex(line) + "$"));
        // Asked now, not only once the exact line is known to be missing: so both come in one probe.
        String regex = replace == null || !present ? null : escapeRegex ? Edits.literalRegex(replace) : replace;
        List<String> matches = regex == null ? null : facts.get(new FindInFile(path, regex));
        if (exact == null) {
            throw new IllegalStateException(path + " does not exist or cannot be read");
        }
        if (!present) {
            return exact.isEmpty()
                    ? Plan.noChange("line not in " + path)
                    : Plan.run(Edits.rewrite(path, REMOVE_EXACT, "JINFRA_LINE", line));
        }
        if (replace != null) {
            if (matches != null && !matches.isEmpty()) {
                if (matches.getFirst().equals(line)) {
                    return Plan.noChange("line already in " + path);
                }
                return Plan.run(Edits.rewrite(path, REPLACE_FIRST, "JINFRA_RE", regex, "JINFRA_LINE", line));
            }
        }
        return exact.isEmpty()
                ? Plan.run(append()).withEdits(new FileEdit.Appended(path, List.of(line)))
                : Plan.noChange("line already in " + path);
    }

    private Command append() {
        return Edits.append(path, List.of(line));
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(path);
    }
}
