package dev.jinfra.command;

/** Reading what a remote command printed. */
public final class Output {
    private Output() {}

    /**
     * The text without the one newline a program ends its output with. Only one: a value may itself end in
     * (or hold) newlines, such as a symbolic link's target or a file's last line.
     */
    public static String withoutFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
