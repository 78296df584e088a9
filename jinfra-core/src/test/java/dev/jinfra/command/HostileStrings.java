package dev.jinfra.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Distinct strings made to break shell quoting, from a seed so that a failure replays: quotes, command
 * substitutions, separators, newlines, globs, braces, tildes, leading dashes, unicode, very long strings, and a few
 * that no command line can carry (a NUL, half of a surrogate pair).
 *
 * <p>Every string that would do something if a shell ran it as code does only harmless things that the quoting
 * fuzz test can see: it writes the canary file named by {@code $JINFRA_CANARY}, prints {@link #MARKER}, or names a
 * program that is not on the test shell's {@code PATH}. No fragment writes anywhere else or names a real program by
 * its path, so even quoting broken on purpose cannot harm the machine that runs the test.
 */
final class HostileStrings {
    /** What a payload prints when a shell runs it. */
    static final String MARKER = "jinfra-fuzz-marker-ran";

    // Payloads that leave a trace when run: the canary file or the marker on standard output.
    private static final List<String> PAYLOADS = List.of(
            "$(:>\"$JINFRA_CANARY\")",
            "`:>\"$JINFRA_CANARY\"`",
            ";:>\"$JINFRA_CANARY\";",
            "; echo " + MARKER + ";",
            "&& echo " + MARKER,
            "|| echo " + MARKER,
            "| echo " + MARKER,
            "& echo " + MARKER,
            "\necho " + MARKER + "\n",
            "\r\necho " + MARKER + "\r\n",
            "$(echo " + MARKER + ")",
            "`echo " + MARKER + "`",
            "'; echo " + MARKER + "; '",
            "\"; echo " + MARKER + "; \"",
            "'$(echo " + MARKER + ")'",
            "\"$(echo " + MARKER + ")\"",
            "'\"`:>$JINFRA_CANARY`\"'",
            "\\'; :>\"$JINFRA_CANARY\"; \\'",
            "'\\''; :>\"$JINFRA_CANARY\" #",
            "${JINFRA_CANARY+$(:>\"$JINFRA_CANARY\")}",
            "$(eval ':>\"$JINFRA_CANARY\"')",
            "x\n:>\"$JINFRA_CANARY\"\n#");

    // Pieces with a meaning to some shell, or to the programs commands run.
    private static final List<String> PIECES = List.of(
            "'",
            "\"",
            "'\\''",
            "\\",
            "\\\\",
            "`",
            "$",
            "$(",
            ")",
            "(",
            "{",
            "}",
            ";",
            "&&",
            "||",
            "|",
            "&",
            "\n",
            "\r",
            "\t",
            " ",
            "  ",
            "*",
            "?",
            "[a-z]",
            "[!x]",
            "**/",
            "-",
            "--",
            "-rf",
            "--help",
            "-n",
            "-e",
            "~",
            "~root",
            "~/",
            "{a,b}",
            "{1..3}",
            "$HOME",
            "${IFS}",
            "$IFS",
            "$((1+1))",
            "$'\\x41'",
            "$\"x\"",
            "!",
            "!!",
            "#",
            "=",
            "%",
            "^",
            ",",
            ":",
            "@",
            "+",
            ".",
            "..",
            "../",
            "/",
            "%s",
            "%n",
            "%b",
            "\\n",
            "\\0",
            "\\c",
            "\\x41",
            "0",
            "x=1",
            "IFS=/",
            "\u00e9",
            "\u00df",
            "\u65e5\u672c",
            "\ud83d\ude00",
            "\u200b",
            "\u200d",
            "\u202e",
            "\u00a0",
            "\u0085",
            "\u2028",
            "\ufeff",
            "\u0001",
            "\u001b[31m",
            "\u007f",
            "\u0080",
            "\u009f",
            "\ufffd",
            "\uffff");

    // Plain words, so that some strings look like the values operations expect.
    private static final List<String> WORDS = List.of(
            "srv", "app", "/srv/app", "web", "nginx", "1.2.3", "deploy", "www-data", "conf", "data", "a", "b", "x");

    /**
     * Words that a shell reads as grammar where a program's name goes (reserved words, assignments, a job, negation,
     * a group): few, and only harmful in one place, so the fuzz test tries them in every argument.
     */
    static final List<String> GRAMMAR =
            List.of("if", "then", "done", "time", "function", "x=1", "A=b", "%1", "!", "{", "}", "[[", "-", "--");

    private HostileStrings() {}

    /**
     * {@code count} distinct strings from {@code seed}. About one in a hundred is long (up to 100 KB), one in fifty
     * holds a NUL and one in fifty half of a surrogate pair.
     */
    static List<String> generate(long seed, int count) {
        Random random = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        // Each payload on its own and each piece inside a word first, so that every one is tried at least once.
        out.addAll(PAYLOADS);
        out.addAll(GRAMMAR);
        for (String piece : PIECES) {
            out.add("a" + piece + "b");
        }
        out.add("");
        out.add("-");
        out.add(" ");
        // And one of 100 KB of nothing but payloads.
        String all = String.join("", PAYLOADS);
        out.add(all.repeat(100 * 1024 / all.length() + 1).substring(0, 100 * 1024));
        while (out.size() < count) {
            out.add(one(random));
        }
        return new ArrayList<>(out).subList(0, count);
    }

    private static String one(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(10) == 0) {
            sb.append('-');
        }
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(10);
            if (kind < 2) {
                sb.append(pick(random, PAYLOADS));
            } else if (kind < 7) {
                sb.append(pick(random, PIECES));
            } else {
                sb.append(pick(random, WORDS));
            }
        }
        int special = random.nextInt(100);
        if (special == 0) {
            return lengthened(random, sb.toString());
        }
        if (special <= 2) {
            sb.insert(random.nextInt(sb.length() + 1), '\0');
        } else if (special <= 4) {
            sb.insert(random.nextInt(sb.length() + 1), lonelySurrogate(random));
        }
        return sb.toString();
    }

    /** {@code seed} repeated with a counter to a length between 1 KB and 100 KB. */
    private static String lengthened(Random random, String seed) {
        int length = 1024 + random.nextInt(100 * 1024 - 1024 + 1);
        StringBuilder sb = new StringBuilder(length + seed.length() + 8);
        for (int i = 0; sb.length() < length; i++) {
            sb.append(seed).append(i);
        }
        return sb.toString();
    }

    /** Half of a surrogate pair, or the halves in the wrong order. */
    private static String lonelySurrogate(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "\ud83d";
            case 1 -> "\ude00";
            default -> "\ude00\ud83d";
        };
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
