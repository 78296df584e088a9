package dev.jinfra.template;

import java.util.Arrays;

/** A template's text with its name, turning character offsets into lines, columns and short quotes of the text. */
final class TemplateSource {
    private static final int MAX_QUOTE = 60;

    private final String name;
    private final String text;
    private final int[] lineStarts;

    TemplateSource(String name, String text) {
        this.name = name;
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line holding the character at {@code offset}. */
    int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    int column(int offset) {
        return offset - lineStart(offset) + 1;
    }

    /** The offset where a 1-based line starts; lines past the end are clamped to the last one. */
    int offsetOfLine(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    TemplateException error(int offset, String problem) {
        return error(offset, problem, null);
    }

    TemplateException error(int offset, String problem, Throwable cause) {
        return new TemplateException(name, line(offset), column(offset), problem, cause);
    }

    /**
     * The text of a construct that starts at {@code start}, up to and including the character at {@code last}:
     * what a reader needs to see to spot an unexpected character. When they are on different lines only the
     * last line is quoted, so the message stays on one line.
     */
    String quoteUpTo(int start, int last) {
        int from = Math.max(start, lineStart(last));
        String quote = text.substring(from, Math.min(last + 1, text.length()));
        if (from > start) {
            quote = "..." + quote.stripLeading();
        }
        return quote.length() > MAX_QUOTE ? "..." + quote.substring(quote.length() - MAX_QUOTE + 3) : quote;
    }

    /** The text from {@code start} to the end of its line: what a reader needs to see of an unclosed construct. */
    String quoteFrom(int start) {
        int end = text.indexOf('\n', start);
        String quote = text.substring(start, end < 0 ? text.length() : end).stripTrailing();
        return quote.length() > MAX_QUOTE ? quote.substring(0, MAX_QUOTE - 3) + "..." : quote;
    }

    /** The whole text between two offsets when it fits on one short line, otherwise its start. */
    String quote(int start, int end) {
        String quote = text.substring(start, end);
        if (quote.indexOf('\n') < 0 && quote.length() <= MAX_QUOTE) {
            return quote;
        }
        String first = quote.lines().findFirst().orElse("").stripTrailing();
        return (first.length() > MAX_QUOTE - 3 ? first.substring(0, MAX_QUOTE - 3) : first) + "...";
    }

    /** The offset where the line holding {@code offset} starts. */
    int lineStart(int offset) {
        return lineStarts[line(offset) - 1];
    }
}
