package dev.jinfra.catalog;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * The operation and fact reference ({@code docs/reference.md}), written from the records themselves: their
 * {@link Doc} and {@link Arg} annotations and component types. A test compares the file with this output, so
 * the reference cannot drift from the code.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {}

    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Operations and facts\n\n");
        md.append(
                "Generated from the code by `ReferenceDocs` (regenerate: `mvn -pl jinfra-core -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Djinfra.docs.write=true`). Every operation runs from a deploy (Java, below) or straight from the command line: "
                        + "`jinfra INVENTORY OPERATION name=value ...`; every fact prints with `jinfra INVENTORY fact NAME name=value ...`.\n\n");
        md.append("## Operations\n\n");
        String family = null;
        for (var e : Catalog.operationTypes().entrySet()) {
            String f = e.getKey().substring(0, e.getKey().indexOf('.'));
            if (!f.equals(family)) {
                family = f;
                md.append("### ").append(f).append("\n\n");
            }
            section(md, "####", e.getKey(), e.getValue());
        }
        md.append("## Facts\n\n");
        for (var e : Catalog.factTypes().entrySet()) {
            section(md, "###", e.getKey(), e.getValue());
        }
        for (var e : Catalog.factAliases().entrySet()) {
            md.append("### `")
                    .append(e.getKey())
                    .append("`\n\nAnother name for `")
                    .append(e.getValue())
                    .append("`.\n\n");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String level, String name, Class<? extends Record> type) {
        md.append(level).append(" `").append(name).append("`\n\n");
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            md.append(doc.value()).append("\n\n");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length > 0) {
            md.append("| argument | type | default | meaning |\n|---|---|---|---|\n");
            for (RecordComponent c : components) {
                Arg arg = c.getAnnotation(Arg.class);
                String dflt = arg == null ? "" : arg.required() ? "required" : arg.defaultValue();
                md.append("| `")
                        .append(c.getName())
                        .append("` | ")
                        .append(typeName(c))
                        .append(" | ")
                        .append(dflt.isEmpty() ? "-" : dflt)
                        .append(" | ")
                        .append(arg == null ? "" : arg.value().replace("|", "\\|"))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (doc != null && !doc.example().isEmpty()) {
            md.append("```java\n").append(doc.example()).append("\n```\n\n");
        }
    }

    private static String typeName(RecordComponent c) {
        if (c.getGenericType() instanceof ParameterizedType p && c.getType() == List.class) {
            return "list of "
                    + ((Class<?>) p.getActualTypeArguments()[0]).getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        return switch (c.getType().getSimpleName()) {
            case "String" -> "text";
            case "int", "Integer" -> "number";
            case "boolean", "Boolean" -> "true/false";
            case "Map" -> "map";
            default -> c.getType().getSimpleName();
        };
    }

    /** Every operation's Java example, for a test that compiles them all as one deploy. */
    public static List<String> examples() {
        return Map.copyOf(Catalog.operationTypes()).values().stream()
                .map(t -> t.getAnnotation(Doc.class))
                .filter(d -> d != null && !d.example().isEmpty())
                .map(Doc::example)
                .sorted()
                .toList();
    }
}
