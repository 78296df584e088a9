package dev.jinfra.command;

import java.util.regex.Pattern;

/** Quoting for POSIX {@code sh}: the one place where a value is made safe to put on a remote command line. */
public final class ShellQuote {
    private ShellQuote() {}

    // Words made only of these characters mean the same to sh with or without quotes.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /**
     * Quotes one argument so that sh passes it through as a single word, whatever it contains:
     * spaces, quotes, {@code $}, backticks, semicolons, newlines, non-ASCII text.
     */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        // Inside single quotes nothing is special except the single quote itself, which is closed,
        // escaped and reopened.
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
