package dev.jinfra.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.catalog.Catalog;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts of one operation fixture ({@code operations/<operation>/<case>.json}), given to the operation when one
 * of its arguments holds another value than the fixture's: a fact then asks for that value where the fixture names
 * its own, so it is matched by kind. Facts the fixture does not list read as absent (no file, no package), which
 * is what makes most operations act. Every fact asked is kept, since its command is sent to a host too.
 */
final class FixtureFacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Fact<?>> listed = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    FixtureFacts(JsonNode facts) {
        for (JsonNode f : facts) {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = JSON.convertValue(f.path("args"), Map.class);
            Fact<?> fact = Catalog.fact(f.get("fact").asText(), args);
            listed.add(fact);
            values.add(dev.jinfra.testing.FactValues.of(f.get("value"), fact));
        }
    }

    /**
     * A source for one plan: a listed fact as it is, or of the same kind with {@code sent} where the fixture has
     * {@code fixture} (null when the fixture does not give the argument), or the first of its kind, or absent.
     */
    FactSource source(String sent, String fixture, List<Fact<?>> asked) {
        return new FactSource() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Fact<T> fact) {
                asked.add(fact);
                int sameKind = -1;
                for (int i = 0; i < listed.size(); i++) {
                    Fact<?> l = listed.get(i);
                    if (l.equals(fact) || l.getClass() == fact.getClass() && sameBut(fact, l, sent, fixture)) {
                        return (T) values.get(i);
                    }
                    if (sameKind < 0 && l.getClass() == fact.getClass()) {
                        sameKind = i;
                    }
                }
                return sameKind >= 0 ? (T) values.get(sameKind) : fact.absent();
            }
        };
    }

    /** Whether {@code asked} is {@code listed} once the value sent is put back to the fixture's. */
    private static boolean sameBut(Fact<?> asked, Fact<?> listed, String sent, String fixture) {
        for (RecordComponent c : asked.getClass().getRecordComponents()) {
            Object a = component(c, asked);
            Object l = component(c, listed);
            if (a instanceof String s && sent != null && !sent.isEmpty()) {
                a = s.replace(sent, fixture == null ? "" : fixture);
            }
            if (!Objects.equals(a, l)) {
                return false;
            }
        }
        return true;
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
