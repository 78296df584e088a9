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

    /** How deploy code gives an operation's other arguments: shown at the top, and compiled with the examples. */
    static final String ARGUMENTS_EXAMPLE = """
            files.directory("/srv/app").owner("app").group("app").arg("recursive", true);
            files.link("/srv/app/current").absent();
            server.user("app").arg("shell", "/usr/sbin/nologin").arg("groups", List.of("www-data"));""";

    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Operations and facts\n\n");
        md.append(
                "Generated from the code by `ReferenceDocs` (regenerate: `mvn -pl jinfra-core -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Djinfra.docs.write=true`). Every operation runs from a deploy (Java, below) or straight from the command line: "
                        + "`jinfra INVENTORY OPERATION name=value ...`; every fact prints with `jinfra INVENTORY fact NAME name=value ...`.\n\n");
        md.append("""
                In Java, deploy code calls each operation by the same name, with the arguments its methods take (listed \
                under each operation as *Java*, named as in its table). Every other argument is given by its name from the \
                table on the call that method returns, as on the command line: `files.directory("/srv/app").arg("recursive", \
                true)` is `jinfra INVENTORY files.directory path=/srv/app recursive=true`. Text is a `String`, a number an \
                `Integer`, true/false a `Boolean` and a list a `List<String>`. `.absent()` stands for `.arg("present", \
                false)`, and `.mode(..)`, `.owner(..)` and `.group(..)` for those arguments. An argument the operation does \
                not have, or a value of another type, is an error naming the operation and the argument; arguments that \
                must go together are checked once the deploy code has run. Arguments are not settings: `.sudo()`, \
                `.shell(..)` or `.timeout(..)` say how the commands run, so a user's login shell is `.arg("shell", ..)`. \
                A few methods preset what a deploy nearly always wants, where the command line leaves things as they are: \
                `systemd.service(unit)`, `sysvinit.service(name)` and `server.service(name)` also give `running=true \
                enabled=true`, and `server.sysctl(key, value)` gives `persist=true`.

                ```java
                """);
        md.append(ARGUMENTS_EXAMPLE).append("\n```\n\n");
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
        List<String> calls = JavaMethods.of(name).stream()
                .map(m -> "`" + JavaMethods.call(name, m) + "`")
                .toList();
        if (!calls.isEmpty()) {
            md.append("Java: ").append(String.join(", ", calls)).append("\n\n");
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

    /** A component's type in the reference's words: text, number, true/false, list of string, map. */
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
            case "Secret" -> "secret text";
            default -> c.getType().getSimpleName();
        };
    }

    /** Every Java example of the reference, for a test that compiles them all as one deploy. */
    public static List<String> examples() {
        List<String> examples = new java.util.ArrayList<>(List.of(ARGUMENTS_EXAMPLE));
        Map.copyOf(Catalog.operationTypes()).values().stream()
                .map(t -> t.getAnnotation(Doc.class))
                .filter(d -> d != null && !d.example().isEmpty())
                .map(Doc::example)
                .sorted()
                .forEach(examples::add);
        return examples;
    }
}
