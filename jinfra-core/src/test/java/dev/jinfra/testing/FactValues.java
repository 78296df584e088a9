package dev.jinfra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.api.Fact;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** A fact's value as a fixture file writes it (JSON), turned into the type the fact's parser gives. */
public final class FactValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FactValues() {}

    /** {@code value} as a value of {@code fact}; null for JSON null or a missing value. */
    public static Object of(JsonNode value, Fact<?> fact) {
        if (value == null || value.isNull()) {
            return null;
        }
        return JSON.convertValue(value, JSON.getTypeFactory().constructType(valueType(fact)));
    }

    /** The T of the {@code Fact<T>} the fact's class implements, directly or through an interface such as FollowsEdits. */
    private static Type valueType(Fact<?> fact) {
        for (Type t : fact.getClass().getGenericInterfaces()) {
            if (t instanceof ParameterizedType p
                    && p.getRawType() instanceof Class<?> c
                    && Fact.class.isAssignableFrom(c)) {
                return p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException("no Fact<T> on " + fact.getClass());
    }
}
