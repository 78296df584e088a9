package dev.jinfra.catalog;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An operation's arguments as plain text for the command line's help, and names close to a mistyped one. */
public final class OperationHelp {
    private OperationHelp() {}

    /** What {@code jinfra INVENTORY OPERATION --help} shows before the options every operation shares. */
    public static String text(String name) {
        Class<? extends Record> type = Catalog.operationTypes().get(name);
        if (type == null) {
            throw new IllegalArgumentException("no operation named " + name);
        }
        StringBuilder out = new StringBuilder(name);
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            out.append(": ").append(doc.value());
        }
        out.append("\n\nArguments (NAME=VALUE):\n");
        RecordComponent[] components = type.getRecordComponents();
        int width =
                Stream.of(components).mapToInt(c -> c.getName().length()).max().orElse(0);
        for (RecordComponent c : components) {
            Arg arg = c.getAnnotation(Arg.class);
            String given = arg == null
                    ? ""
                    : arg.required() ? "required" : arg.defaultValue().isEmpty() ? "" : "default " + arg.defaultValue();
            out.append("  ")
                    .append(String.format(Locale.ROOT, "%-" + width + "s", c.getName()))
                    .append("  ")
                    .append(arg == null ? "" : arg.value())
                    .append(given.isEmpty() ? "" : " (" + given + ")")
                    .append('\n');
        }
        if (doc != null && !doc.example().isEmpty()) {
            out.append("\nIn a deploy file: ").append(doc.example()).append('\n');
        }
        List<String> calls = JavaMethods.of(name).stream()
                .map(m -> JavaMethods.call(name, m))
                .toList();
        if (!calls.isEmpty()) {
            // The same names in Java: the method's parameters, then any other argument by name.
            out.append("In Java: ")
                    .append(String.join(", ", calls))
                    .append("; other arguments as .arg(\"NAME\", value)\n");
        }
        return out.toString();
    }

    /**
     * What {@code jinfra help operations} and {@code jinfra help facts} show: every name with the first sentence of
     * its doc, one per line, sorted.
     */
    public static String index(boolean facts) {
        Map<String, String> summaries = summaries(facts);
        int width = summaries.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        summaries.forEach((name, summary) -> out.append("  ")
                .append(String.format(Locale.ROOT, "%-" + width + "s", name))
                .append("  ")
                .append(summary)
                .append('\n'));
        out.append(
                facts
                        ? "\nRead one: jinfra INVENTORY fact NAME ARG=VALUE...; in deploy code: fact(new Name(args))\n"
                        : "\nArguments of one: jinfra help NAME\n");
        return out.toString();
    }

    /** Every operation's (or fact's) name, sorted, with the first sentence of its doc: the index and the man pages. */
    public static Map<String, String> summaries(boolean facts) {
        var types = facts ? Catalog.factTypes() : Catalog.operationTypes();
        Map<String, String> summaries = new TreeMap<>();
        types.forEach((name, type) -> {
            Doc doc = type.getAnnotation(Doc.class);
            String line = doc == null ? "" : doc.value();
            int end = line.indexOf(". ");
            summaries.put(name, end < 0 ? line : line.substring(0, end + 1));
        });
        return summaries;
    }

    /**
     * Names among {@code known} within two edits of {@code typed} (a letter left out, added, changed or two
     * swapped), closest first: what a typo most likely meant.
     */
    public static List<String> closest(String typed, Set<String> known) {
        return known.stream()
                .filter(k -> distance(typed, k) <= 2)
                .sorted(Comparator.comparingInt((String k) -> distance(typed, k))
                        .thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
