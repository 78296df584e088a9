package dev.jinfra.template;

/**
 * A template that cannot be rendered. The message is one line, {@code file:line:column: problem}, so editors and
 * terminals can jump to the spot; the parts are also available on their own. Lines and columns count from 1.
 */
public final class TemplateException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public TemplateException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    /** With the template engine's own exception as the cause, for stack traces; the message stays in words. */
    TemplateException(String file, int line, int column, String problem, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The template's name as the caller gave it, e.g. {@code templates/app.conf.j2}. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, in words, without the file and position. */
    public String problem() {
        return problem;
    }
}
