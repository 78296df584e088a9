package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;

/**
 * Fact values as JSON: converting them, and printing them for people (one line when short, broken into
 * indented lines only where a line would get too long).
 */
final class FactJson {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Lines longer than this are broken, as a terminal of 100 columns still shows the host prefix margin. */
    private static final int WIDTH = 80;

    private FactJson() {}

    /**
     * A value as JSON. Records are taken apart by their components ourselves: Jackson would also publish
     * convenience methods such as {@code isDirectory()} as properties, which are not part of the value.
     */
    static JsonNode toTree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof Record record) {
            ObjectNode o = JSON.createObjectNode();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                o.set(c.getName(), toTree(componentValue(record, c)));
            }
            return o;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode a = JSON.createArrayNode();
            items.forEach(x -> a.add(toTree(x)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = JSON.createObjectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), toTree(v)));
            return o;
        }
        return JSON.valueToTree(value);
    }

    private static Object componentValue(Record record, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** For people: {@code {"type": "directory", "mode": "755"}}, or indented lines when that would be too long. */
    static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        pretty(node, 0, sb);
        return sb.toString();
    }

    private static void pretty(JsonNode node, int indent, StringBuilder sb) {
        String oneLine = compact(node);
        if (!node.isContainerNode() || node.isEmpty() || indent + oneLine.length() <= WIDTH) {
            sb.append(oneLine);
            return;
        }
        String inner = " ".repeat(indent + 2);
        sb.append(node.isObject() ? "{\n" : "[\n");
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                var f = fields.next();
                sb.append(inner)
                        .append(JSON.getNodeFactory().textNode(f.getKey()))
                        .append(": ");
                pretty(f.getValue(), indent + 2, sb);
                sb.append(fields.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                sb.append(inner);
                pretty(node.get(i), indent + 2, sb);
                sb.append(i + 1 < node.size() ? ",\n" : "\n");
            }
        }
        sb.append(" ".repeat(indent)).append(node.isObject() ? '}' : ']');
    }

    /** One line, with a space after each colon and comma so that it reads like written JSON. */
    static String compact(JsonNode node) {
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            node.properties()
                    .forEach(f -> sb.append(sb.length() > 1 ? ", " : "")
                            .append(JSON.getNodeFactory().textNode(f.getKey()))
                            .append(": ")
                            .append(compact(f.getValue())));
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            node.forEach(x -> sb.append(sb.length() > 1 ? ", " : "").append(compact(x)));
            return sb.append(']').toString();
        }
        return node.toString();
    }
}
