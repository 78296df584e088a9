package dev.jinfra.deploy.compile;

import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Turns javac's diagnostics into one-line errors that point into the user's file, not the text javac saw:
 * {@code deploy.java:12:9: error: cannot find symbol: variable aptt}.
 */
final class ErrorLines {
    private ErrorLines() {}

    static String of(String displayName, PreparedSource source, Diagnostic<? extends JavaFileObject> d) {
        String message = message(d.getMessage(Locale.ROOT));
        if (d.getPosition() == Diagnostic.NOPOS) {
            return displayName + ": error: " + message;
        }
        int offset = source.toOriginal(d.getPosition());
        String text = source.original();
        // Lines and columns count characters in the user's text (javac's own columns expand tabs to 8).
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return displayName + ":" + line + ":" + (offset - lineStart + 1) + ": error: " + message;
    }

    static String problem(String displayName, String problem) {
        return displayName + ": error: " + problem;
    }

    /**
     * javac's first line, plus its {@code symbol:} line when it has one ("cannot find symbol" alone doesn't say
     * which). The {@code location:} line is left out: it names the generated class, not something the user wrote.
     */
    static String message(String javacMessage) {
        String[] lines = javacMessage.split("\\R");
        String first = lines[0].strip();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("symbol:")) {
                return first + ": " + l.substring("symbol:".length()).strip().replaceAll("\\s+", " ");
            }
        }
        return first;
    }
}
