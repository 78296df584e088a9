package dev.jinfra.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One or two sentences on what an operation or fact does, for the generated reference. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Doc {
    String value();

    /** A short example of Java deploy code using it. */
    String example() default "";
}
