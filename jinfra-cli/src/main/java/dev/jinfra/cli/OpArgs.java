package dev.jinfra.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code name=value} words after an operation or fact name on the command line. Values stay text:
 * {@link dev.jinfra.catalog.Catalog} converts them to each argument's type (a list from comma-separated values),
 * so that the messages about bad values come from one place.
 */
record OpArgs(Map<String, String> values) {
    OpArgs {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @param of the operation or fact the words are for, to name it in messages */
    static OpArgs parse(String of, List<String> words) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(of + ": arguments are name=value, not '" + word + "'");
            }
            String name = word.substring(0, eq);
            // Saying an argument twice is almost always a slip; for lists, commas give several values.
            if (values.putIfAbsent(name, word.substring(eq + 1)) != null) {
                throw new UsageException(of + ": argument '" + name + "' given twice");
            }
        }
        return new OpArgs(values);
    }

    /** The words as given, for output and the retry file: {@code path=/srv mode=750}. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) ->
                sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
