package dev.jinfra.cli.output;

/** ANSI colours, only when writing to a terminal and the user has not asked for none (NO_COLOR). */
public record Style(boolean enabled) {
    public static Style forTerminal(boolean terminal) {
        return new Style(terminal && System.getenv("NO_COLOR") == null);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
