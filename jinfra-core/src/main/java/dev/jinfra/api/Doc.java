package dev.jinfra.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation's or fact's one name and what it does: the catalog finds operations and facts by this
 * annotation, so the record is the one place an operation is declared. Its name is the same on the command
 * line, in fixtures and in the generated reference.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Doc {
    /**
     * The name: {@code family.operation} for operations ({@code files.directory}); for facts, the record's
     * simple name unless given ({@code DirectoryInfo}).
     */
    String name() default "";

    /** Shorter names the command line also accepts for a fact ({@code File} for {@code FileInfo}). */
    String[] aliases() default {};

    /** One or two sentences on what it does, for the generated reference. */
    String value();

    /** A short example of Java deploy code using it. */
    String example() default "";
}
