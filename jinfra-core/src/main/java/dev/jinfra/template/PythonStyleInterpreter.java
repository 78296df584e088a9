package dev.jinfra.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.UnknownTokenException;

/**
 * A Jinjava interpreter whose printed values follow Python ({@code True}, {@code None}, {@code ['a']}) instead
 * of Java ({@code true}, empty, {@code [a]}). Every {@code {{ }}} output goes through {@link #getAsString}.
 *
 * <p>Strict Jinjava takes every expression whose value is null for an undefined one. Here a variable (or a key of
 * one) that is there with the value None, and a filter chain on a defined value that gives None
 * ({@code regex_search} without a match), is None, as in Jinja2: printed {@code None}, or nothing in Ansible's
 * environment, which prints None as nothing.
 */
final class PythonStyleInterpreter extends JinjavaInterpreter {
    /** Jinja2's printing: None as {@code None}. */
    static final InterpreterFactory FACTORY = factory(false);

    /** Ansible's printing: None as nothing (its template environment's {@code finalize}). */
    static final InterpreterFactory ANSIBLE_FACTORY = factory(true);

    private final boolean noneAsNothing;

    private static final java.util.regex.Pattern LEADING_NAME = java.util.regex.Pattern.compile("\\s*([A-Za-z_]\\w*)");

    private static InterpreterFactory factory(boolean noneAsNothing) {
        return new InterpreterFactory() {
            @Override
            public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
                return new PythonStyleInterpreter(orig, noneAsNothing);
            }

            @Override
            public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
                return new PythonStyleInterpreter(jinjava, context, config, noneAsNothing);
            }
        };
    }

    private PythonStyleInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, boolean noneAsNothing) {
        super(jinjava, context, config);
        this.noneAsNothing = noneAsNothing;
    }

    private PythonStyleInterpreter(JinjavaInterpreter orig, boolean noneAsNothing) {
        super(orig);
        this.noneAsNothing = noneAsNothing;
    }

    @Override
    public String getAsString(Object value) {
        if (value == null) {
            // Lenient rendering cannot tell None from undefined, which prints as nothing there.
            return noneAsNothing || !getConfig().isFailOnUnknownTokens() ? "" : "None";
        }
        if (value instanceof Boolean
                || value instanceof Double
                || value instanceof Float
                || value instanceof java.util.Collection<?>
                || value instanceof java.util.Map<?, ?>
                || value instanceof java.util.Map.Entry<?, ?>) {
            return PythonStyle.str(value);
        }
        return super.getAsString(value);
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
        try {
            return super.resolveELExpression(expression, lineNumber);
        } catch (UnknownTokenException e) {
            return none(expression, e);
        }
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber, int position) {
        try {
            return super.resolveELExpression(expression, lineNumber, position);
        } catch (UnknownTokenException e) {
            return none(expression, e);
        }
    }

    /** None for an expression whose value is None, not undefined; else Jinjava's "undefined" error goes on. */
    private Object none(String expression, UnknownTokenException e) {
        if (getConfig().isFailOnUnknownTokens() && NoneValues.isDefined(getContext(), expression)) {
            return null;
        }
        // A variable whose value names an undefined one: say which, and where that value was written.
        java.util.regex.Matcher name = LEADING_NAME.matcher(expression);
        if (name.lookingAt()
                && getContext().get(name.group(1)) instanceof DeferredValue deferred
                && deferred.isUndefined()) {
            throw deferred.undefinedBecause();
        }
        throw e;
    }
}
