package dev.jinfra.cli.output;

import dev.jinfra.api.Fact;
import dev.jinfra.catalog.Catalog;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fact and its value as people read them in -vv output: the fact's name as the fact command and the reference
 * know it, with its arguments ({@code files.directory_info path=/srv/app}), and the value without Java's record
 * syntax ({@code absent}, {@code {mode: 755, owner: root}}).
 */
final class FactText {
    private FactText() {}

    private static final Map<Class<?>, String> NAMES = Catalog.factTypes().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a));

    static String fact(Fact<?> fact) {
        String name = NAMES.getOrDefault(fact.getClass(), fact.getClass().getSimpleName());
        if (!(fact instanceof Record record)) {
            return name;
        }
        List<String> args = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object v = component(record, c);
            if (v != null) {
                args.add(c.getName() + "=" + value(v));
            }
        }
        return args.isEmpty() ? name : name + " " + String.join(" ", args);
    }

    static String value(Object value) {
        if (value == null) {
            return "absent";
        }
        if (value instanceof Record record) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                parts.add(c.getName() + ": " + value(component(record, c)));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof Iterable<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(x -> parts.add(value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        String text = String.valueOf(value);
        // One line per fact: a multi-line value (a file's lines) shows where its lines break.
        return text.replace("\n", "\\n");
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }
}
