package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;

/**
 * {@code files.replace}: every match of an extended regular expression in a file replaced by fixed text.
 * No change when the pattern does not occur, so a pattern that also matches its replacement changes the file
 * on every run.
 */
@Doc(
        name = "files.replace",
        value = "Every match of a regex in a file is replaced by literal text.",
        example = "files.replace(\"/etc/app.conf\", \"debug=true\", \"debug=false\");")
public record Replace(
        @Arg(value = "the file's path", required = true) String path,

        @Arg(value = "extended regular expression, matched within each line", required = true)
        String pattern,

        @Arg(value = "the text put in place of each match, taken literally (no back-references)", defaultValue = "")
        String replacement)
        implements Operation {

    private static final String GSUB = "{ gsub(ENVIRON[\"JINFRA_RE\"], ENVIRON[\"JINFRA_TO\"]); print }";

    public Replace {
        Edits.checkPath("files.replace", path);
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("files.replace needs a pattern");
        }
        Edits.checkRegex("files.replace", "pattern", pattern);
        replacement = replacement == null ? "" : replacement;
        Edits.checkOneLine("files.replace", "replacement", replacement);
    }

    @Override
    public String describe() {
        return "Replace in " + path + ": " + pattern;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> matches = facts.get(new FindInFile(path, pattern));
        if (matches == null) {
            throw new IllegalStateException(path + " does not exist or cannot be read");
        }
        if (matches.isEmpty()) {
            return Plan.noChange(pattern + " does not occur in " + path);
        }
        return Plan.run(Edits.rewrite(path, GSUB, "JINFRA_RE", pattern, "JINFRA_TO", gsubLiteral(replacement)));
    }

    // gsub reads & as "the match" and a backslash as an escape in its replacement; POSIX says \& and \\ stand
    // for themselves, which keeps the replacement literal.
    private static String gsubLiteral(String text) {
        return text.replace("\\", "\\\\").replace("&", "\\&");
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(path);
    }
}
