package dev.jinfra.template;

import com.hubspot.jinjava.interpret.LazyExpression;
import java.util.function.Supplier;

/**
 * A template variable whose value is itself a template, evaluated only when a template reads it, as Ansible
 * evaluates inventory variables: a value that names an undefined variable is then undefined itself (so
 * {@code default()} and {@code is defined} see it so), and one that is never read is never evaluated.
 */
public final class DeferredValue extends LazyExpression {
    private final String text;
    private final java.util.function.BooleanSupplier mayHoldSecret;
    private final Outcome outcome;

    /** What the last evaluation found; a supplier cannot reach the instance it is passed to. */
    private static final class Outcome {
        volatile VariableException undefined;
    }

    private DeferredValue(
            Supplier<Object> supplier, String text, java.util.function.BooleanSupplier mayHoldSecret, Outcome outcome) {
        super(supplier, text, Memoization.ON);
        this.text = text;
        this.mayHoldSecret = mayHoldSecret;
        this.outcome = outcome;
    }

    /**
     * @param text the value as written, shown in place of the value (it holds no secret: a vault value is never
     *     written as a template)
     * @param mayHoldSecret whether the value is made of vault values (asked after the template rendered), so that
     *     its diff is hidden
     * @param evaluate the value, with secrets revealed; throws a {@link VariableException}
     */
    public static DeferredValue of(
            String text, java.util.function.BooleanSupplier mayHoldSecret, Supplier<Object> evaluate) {
        Outcome outcome = new Outcome();
        return new DeferredValue(
                () -> {
                    try {
                        outcome.undefined = null;
                        return evaluate.get();
                    } catch (VariableException e) {
                        if (!e.undefined()) {
                            throw e;
                        }
                        outcome.undefined = e;
                        return null;
                    }
                },
                text,
                mayHoldSecret,
                outcome);
    }

    /** Whether the value names an undefined variable, which makes it undefined too. */
    boolean isUndefined() {
        get();
        return outcome.undefined != null;
    }

    /** Why it is undefined, or null. */
    VariableException undefinedBecause() {
        return outcome.undefined;
    }

    /** Whether the value may be made of vault values. */
    public boolean mayHoldSecret() {
        return mayHoldSecret.getAsBoolean();
    }

    /** The value as written: it may end up in an operation's shown arguments, and holds no secret. */
    @Override
    public String toString() {
        return text;
    }

    // Each host's deferred value is its own, even where the text is the same: never equal to another's.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
