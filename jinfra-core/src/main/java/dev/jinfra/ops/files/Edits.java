package dev.jinfra.ops.files;

import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Commands that change a file's text. User text (paths, lines, patterns) only ever travels as positional
 * parameters or environment values, never inside the shell or awk program text, so it cannot inject anything.
 */
final class Edits {
    private Edits() {}

    // $1 is the file, the rest the lines. A file whose last line lacks its newline gets one first, so the
    // appended text starts on a line of its own.
    private static final String APPEND = "f=$1; shift; "
            + "if [ -s \"$f\" ] && [ -n \"$(tail -c 1 -- \"$f\")\" ]; then echo >> \"$f\"; fi; "
            + "printf \"%s\\n\" \"$@\" >> \"$f\"";

    // $1 is the file, $2 the awk program, the rest NAME=value pairs for awk's ENVIRON (awk -v would
    // interpret backslashes). The result goes to a temporary file beside the original (mktemp makes it 0600),
    // takes its owner, group and mode, and replaces it with one rename, so readers never see a half-written
    // file. The old file's values come from stat -c as numbers: GNU and BusyBox both have it, while
    // chmod/chown --reference are GNU only. chown goes first because it clears set-ID bits.
    private static final String REWRITE = "f=$1; p=$2; shift 2; "
            + "t=$(mktemp -- \"$f.XXXXXX\") || exit 1; "
            + "if env \"$@\" awk -- \"$p\" < \"$f\" > \"$t\" && o=$(stat -L -c %u:%g -- \"$f\") "
            + "&& m=$(stat -L -c %a -- \"$f\") && chown -- \"$o\" \"$t\" && chmod -- \"$m\" \"$t\"; "
            + "then mv -f -- \"$t\" \"$f\"; else rm -f -- \"$t\"; exit 1; fi";

    private static final Pattern ENV_NAME = Pattern.compile("JINFRA_[A-Z]+");

    /** In a subshell, not an {@code sh -c} of its own: the same positional parameters, one process fewer per edit. */
    static Command append(String path, List<String> lines) {
        List<String> args = new ArrayList<>(List.of(path));
        args.addAll(lines);
        return Command.script(APPEND, args);
    }

    /**
     * Runs {@code awkProgram} (fixed text, reading its inputs from {@code ENVIRON}) over the file.
     *
     * @param inputs names and values in turn: {@code "JINFRA_RE", regex, "JINFRA_LINE", line}
     */
    static Command rewrite(String path, String awkProgram, String... inputs) {
        List<String> args = new ArrayList<>(List.of(path, awkProgram));
        for (int i = 0; i + 1 < inputs.length; i += 2) {
            if (!ENV_NAME.matcher(inputs[i]).matches()) {
                throw new IllegalArgumentException("not an awk input name: " + inputs[i]);
            }
            // One word NAME=value for env: the value is data whatever it holds.
            args.add(inputs[i] + "=" + inputs[i + 1]);
        }
        return Command.script(REWRITE, args);
    }

    /** {@code text} as an extended regular expression that matches exactly it. */
    static String literalRegex(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|/".indexOf(ch) >= 0) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    static void checkPath(String operation, String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(operation + " needs a path");
        }
    }

    static void checkOneLine(String operation, String what, String text) {
        if (text.contains("\n")) {
            throw new IllegalArgumentException(operation + " " + what + " must be a single line");
        }
    }

    /** A quick check that a pattern is a regular expression at all; the host's grep and awk have the last word. */
    static void checkRegex(String operation, String what, String regex) {
        try {
            Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    operation + " " + what + " is not a valid regular expression: '" + regex + "'");
        }
    }
}
