package dev.jinfra.inventory;

/**
 * Bad inventory input: names the source (a file, or "command line"), the line when known, and the problem,
 * so the command line can print it as one line.
 */
public class InventoryException extends RuntimeException {
    private final String source;
    private final int line;

    /** @param line 1-based line number, or 0 when the problem has no line */
    public InventoryException(String source, int line, String problem) {
        super(format(source, line, problem));
        this.source = source;
        this.line = line;
    }

    public InventoryException(String source, int line, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = source;
        this.line = line;
    }

    /** One whose message is already worded in full ({@code file:line: problem}), e.g. by a template's evaluation. */
    static InventoryException worded(String message, String source, int line, Throwable cause) {
        return new InventoryException(message, source, line, cause, true);
    }

    private InventoryException(String message, String source, int line, Throwable cause, boolean worded) {
        super(message, cause);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    private static String format(String source, int line, String problem) {
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }
}
