package dev.jinfra.command;

import java.util.Set;

/** Quoting for POSIX {@code sh}: the one place where a value is made safe to put on a remote command line. */
public final class ShellQuote {
    private ShellQuote() {}

    // Words that sh, or bash as a login shell, reads as its own grammar when they come first on a command.
    private static final Set<String> RESERVED = Set.of(
            "case",
            "coproc",
            "do",
            "done",
            "elif",
            "else",
            "esac",
            "fi",
            "for",
            "function",
            "if",
            "in",
            "select",
            "then",
            "time",
            "until",
            "while");
    // How much of a refused text its message shows.
    private static final int SHOWN = 60;

    /**
     * Quotes one argument so that sh passes it through as a single word, whatever it contains:
     * spaces, quotes, {@code $}, backticks, semicolons, newlines, non-ASCII text. Text that no command line can
     * carry as it is (see {@link #requireSendable}) is refused.
     */
    public static String quote(String word) {
        requireSendable(word);
        if (word.isEmpty()) {
            return "''";
        }
        if (isSafe(word)) {
            return word;
        }
        // Inside single quotes nothing is special except the single quote itself, which is closed,
        // escaped and reopened.
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Whether the word is made only of characters that mean the same to sh with or without quotes. A loop, not a
     * regex: every path and argument of every command of a run passes here, and the regex was 4 % of a 1,000-host
     * deploy's CPU.
     */
    private static boolean isSafe(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean safe = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '_'
                    || c == '@'
                    || c == '%'
                    || c == '+'
                    || c == '='
                    || c == ':'
                    || c == ','
                    || c == '.'
                    || c == '/'
                    || c == '-';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /**
     * Quotes the first word of a command, the program: as {@link #quote}, and also where sh would read the bare
     * word as something else than a program's name there. {@code A=b} is a variable assignment (the next word would
     * run instead), {@code if} or bash's {@code time} a reserved word; quoted, either can only name a program. A
     * program can come from an operation's argument (a pip, a virtualenv's path), so it needs the same care. A
     * program whose name starts with {@code %} is refused: bash takes such a first word for a job to resume
     * ({@code %1} is {@code fg %1}), quoted or not, so it would never run.
     */
    public static String quoteProgram(String word) {
        if (word.startsWith("%")) {
            throw new IllegalArgumentException(
                    "cannot run a program whose name starts with '%' (bash reads it as a job): " + shown(word));
        }
        String quoted = quote(word);
        return quoted.equals(word) && (word.contains("=") || RESERVED.contains(word)) ? "'" + word + "'" : quoted;
    }

    /**
     * Returns {@code text} when a host can receive it byte for byte; throws {@link IllegalArgumentException}
     * otherwise. Why refuse instead of quoting: a NUL character ends a C string, so the remote command line (and
     * the argument, variable or line the program reads) would silently stop there; half of a UTF-16 surrogate
     * pair has no UTF-8 bytes, so the encoder would silently send {@code ?} instead. Either way the host would act
     * on text other than what was written, e.g. on another path, so the mistake is said before anything runs.
     */
    public static String requireSendable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("cannot send text with a NUL character to a host (at character "
                        + (i + 1) + " of " + shown(text) + "): a command line ends at the first NUL");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("cannot send text with half of a UTF-16 surrogate pair ("
                            + String.format("U+%04X", (int) c) + " at character " + (i + 1) + " of " + shown(text)
                            + ") to a host: it has no UTF-8 bytes");
                }
                i++;
            }
        }
        return text;
    }

    /** The start of a refused text, quoted, with the characters that cannot be printed as escapes. */
    private static String shown(String text) {
        StringBuilder sb = new StringBuilder("'");
        int end = Math.min(text.length(), SHOWN);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(c == '\0' ? "\\0" : String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(text.length() > SHOWN ? "...'" : "'").toString();
    }
}
