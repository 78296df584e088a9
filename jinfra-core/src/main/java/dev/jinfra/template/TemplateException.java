package dev.jinfra.template;

/** A template that cannot be rendered; the message starts with {@code file:line:} so editors can jump to it. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
