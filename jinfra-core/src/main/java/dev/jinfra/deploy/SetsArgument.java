package dev.jinfra.deploy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of {@link OperationCall} that sets one of the operation's arguments ({@code mode(..)} sets
 * {@code mode}). The typed calls are generated from it: where the operation has the argument, the method is the
 * argument's own, documented from its {@code @Arg}; where it has not, the method is deprecated there, since it
 * would fail when the deploy runs.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
@interface SetsArgument {
    /** The argument's name. */
    String value();
}
