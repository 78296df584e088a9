package dev.jinfra.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * A Jinjava interpreter whose printed values follow Python ({@code True}, {@code None}, {@code ['a']}) instead
 * of Java ({@code true}, empty, {@code [a]}). Every {@code {{ }}} output goes through {@link #getAsString}.
 */
final class PythonStyleInterpreter extends JinjavaInterpreter {
    static final InterpreterFactory FACTORY = new InterpreterFactory() {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return new PythonStyleInterpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
            return new PythonStyleInterpreter(jinjava, context, config);
        }
    };

    private PythonStyleInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    private PythonStyleInterpreter(JinjavaInterpreter orig) {
        super(orig);
    }

    @Override
    public String getAsString(Object value) {
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
}
