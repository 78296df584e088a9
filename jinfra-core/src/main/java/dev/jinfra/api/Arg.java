package dev.jinfra.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one argument of an operation or fact record: what it means and its default. The record is the one
 * definition of the arguments; the command line, test fixtures and the reference docs read it from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Arg {
    /** One line: what the argument means. */
    String value();

    /** The default as text ({@code "true"}, {@code "755"}); empty means no default (null, or required). */
    String defaultValue() default "";

    /** Must be given. */
    boolean required() default false;
}
