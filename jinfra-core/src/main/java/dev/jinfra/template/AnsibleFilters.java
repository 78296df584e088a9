package dev.jinfra.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.template.NamedFilter.Args;
import dev.jinfra.template.NamedFilter.Truth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Ansible's filters for data (those of {@code ansible.builtin} that roles use most), written to give what Ansible
 * gives: {@code to_json}, {@code to_nice_json}, {@code to_yaml}, {@code to_nice_yaml}, {@code from_json},
 * {@code from_yaml}, {@code ternary}, {@code combine}, {@code dict2items}, {@code items2dict}, {@code mandatory},
 * {@code bool}, {@code extract}, {@code flatten}, {@code type_debug}, {@code zip}, {@code zip_longest},
 * {@code product} and {@code split}. Text filters are in {@link AnsibleTextFilters}.
 */
final class AnsibleFilters {
    private AnsibleFilters() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<NamedFilter> all() {
        return List.of(
                new NamedFilter(
                        "to_json",
                        (v, a) -> new PythonJson(a.number(-1, "indent", null), a.flag(-1, "sort_keys"), ensureAscii(a))
                                .dumps(v)),
                new NamedFilter(
                        "to_nice_json",
                        (v, a) -> new PythonJson(
                                        a.number(0, "indent", 4),
                                        Truth.of(a.get(-1, "sort_keys", true)),
                                        ensureAscii(a))
                                .dumps(v)),
                new NamedFilter("from_json", (v, a) -> fromJson(PythonStyle.str(v))),
                new NamedFilter("from_yaml", (v, a) -> v instanceof CharSequence s ? fromYaml(s.toString()) : v),
                new NamedFilter(
                        "to_yaml",
                        (v, a) -> PythonYaml.dump(
                                v, a.number(-1, "indent", 2), a.get(-1, "default_flow_style", null) == null)),
                new NamedFilter("to_nice_yaml", (v, a) -> PythonYaml.dump(v, a.number(0, "indent", 4), false)),
                new NamedFilter("ternary", AnsibleFilters::ternary),
                new NamedFilter("combine", AnsibleFilters::combine),
                new NamedFilter(
                        "dict2items",
                        (v, a) -> dict2items(v, a.text(0, "key_name", "key"), a.text(1, "value_name", "value"))),
                new NamedFilter(
                        "items2dict",
                        (v, a) -> items2dict(v, a.text(0, "key_name", "key"), a.text(1, "value_name", "value"))),
                new NamedFilter("mandatory", AnsibleFilters::mandatory),
                new NamedFilter("bool", (v, a) -> bool(v)),
                new NamedFilter("extract", AnsibleFilters::extract),
                new NamedFilter(
                        "flatten",
                        (v, a) -> flatten(
                                v,
                                a.number(0, "levels", null),
                                Truth.of(a.get(1, "skip_nulls", true)),
                                new ArrayList<>())),
                new NamedFilter("type_debug", (v, a) -> typeName(v)),
                new NamedFilter("zip", (v, a) -> zip(v, a.positional(), false, null)),
                new NamedFilter("zip_longest", (v, a) -> zip(v, a.positional(), true, a.get(-1, "fillvalue", null))),
                new NamedFilter("product", AnsibleFilters::product),
                new NamedFilter("split", (v, a) -> split(PythonStyle.str(v), a.text(0, "sep", null))));
    }

    private static boolean ensureAscii(Args a) {
        return Truth.of(a.get(-1, "ensure_ascii", true));
    }

    private static Object fromJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("from_json: not JSON: " + e.getOriginalMessage());
        }
    }

    private static Object fromYaml(String text) {
        return new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    private static Object ternary(Object v, Args a) {
        if (v == null && a.size() > 2) {
            return a.get(2, "none_val", null);
        }
        return Truth.of(v) ? a.get(0, "true_val", null) : a.get(1, "false_val", null);
    }

    private static Object combine(Object v, Args a) {
        boolean recursive = a.flag(-1, "recursive");
        String listMerge = a.text(-1, "list_merge", "replace");
        Map<Object, Object> out = new LinkedHashMap<>(map("combine", v));
        for (Object other : a.positional()) {
            // combine also takes a list of dicts: {{ [a, b] | combine }}
            if (other instanceof List<?> list) {
                for (Object each : list) {
                    merge(out, map("combine", each), recursive, listMerge);
                }
            } else {
                merge(out, map("combine", other), recursive, listMerge);
            }
        }
        return out;
    }

    private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
        from.forEach((k, v) -> {
            Object old = into.get(k);
            if (recursive && old instanceof Map<?, ?> a && v instanceof Map<?, ?> b) {
                Map<Object, Object> nested = new LinkedHashMap<>(a);
                merge(nested, b, true, listMerge);
                into.put(k, nested);
            } else if (old instanceof List<?> a && v instanceof List<?> b && !listMerge.equals("replace")) {
                List<Object> merged = new ArrayList<>();
                switch (listMerge) {
                    case "keep" -> merged.addAll(a);
                    case "append" -> {
                        merged.addAll(a);
                        merged.addAll(b);
                    }
                    case "prepend" -> {
                        merged.addAll(b);
                        merged.addAll(a);
                    }
                    case "append_rp" -> {
                        a.stream().filter(x -> !b.contains(x)).forEach(merged::add);
                        merged.addAll(b);
                    }
                    case "prepend_rp" -> {
                        merged.addAll(b);
                        a.stream().filter(x -> !b.contains(x)).forEach(merged::add);
                    }
                    default ->
                        throw new IllegalArgumentException("combine: list_merge must be replace, keep, append,"
                                + " prepend, append_rp or prepend_rp, not '" + listMerge + "'");
                }
                into.put(k, merged);
            } else {
                into.put(k, v);
            }
        });
    }

    private static List<Map<String, Object>> dict2items(Object v, String keyName, String valueName) {
        List<Map<String, Object>> out = new ArrayList<>();
        map("dict2items", v).forEach((k, value) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(keyName, k);
            item.put(valueName, value);
            out.add(item);
        });
        return out;
    }

    private static Map<Object, Object> items2dict(Object v, String keyName, String valueName) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : list("items2dict", v)) {
            Map<?, ?> m = map("items2dict", item);
            if (!m.containsKey(keyName) || !m.containsKey(valueName)) {
                throw new IllegalArgumentException("items2dict: an item has no '" + keyName + "' or '" + valueName
                        + "': " + PythonStyle.repr(item));
            }
            out.put(m.get(keyName), m.get(valueName));
        }
        return out;
    }

    private static Object mandatory(Object v, Args a) {
        if (v == null) {
            String msg = a.text(0, "msg", null);
            throw new IllegalArgumentException(msg != null ? msg : "mandatory variable not defined");
        }
        return v;
    }

    /** Ansible's {@code bool}: true for true, 1 and the texts yes, on, 1 and true in any case; else false. */
    static boolean bool(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case null -> false;
            case Number n -> n.doubleValue() == 1;
            default ->
                List.of("yes", "on", "1", "true").contains(v.toString().strip().toLowerCase(java.util.Locale.ROOT));
        };
    }

    private static Object extract(Object key, Args a) {
        Object value = item(a.get(0, "container", null), key);
        Object more = a.get(1, "morekeys", null);
        for (Object k : more == null ? List.of() : more instanceof List<?> l ? l : List.of(more)) {
            value = item(value, k);
        }
        return value;
    }

    private static Object item(Object container, Object key) {
        if (container instanceof Map<?, ?> m) {
            return m.get(key);
        }
        if (container instanceof List<?> l && key instanceof Number n) {
            return l.get(n.intValue());
        }
        throw new IllegalArgumentException(
                "extract: cannot look up " + PythonStyle.repr(key) + " in " + typeName(container));
    }

    private static List<Object> flatten(Object v, Integer levels, boolean skipNulls, List<Object> out) {
        for (Object item : list("flatten", v)) {
            if (item instanceof Collection<?> c && (levels == null || levels > 0)) {
                flatten(c, levels == null ? null : levels - 1, skipNulls, out);
            } else if (!(skipNulls && (item == null || "None".equals(item) || "null".equals(item)))) {
                out.add(item);
            }
        }
        return out;
    }

    /** Python's name for a value's type, as {@code type_debug} gives it. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Double d -> "float";
            case Float f -> "float";
            case Number n -> "int";
            case CharSequence s -> "str";
            case Map<?, ?> m -> "dict";
            case Tuple t -> "tuple";
            case List<?> l -> "list";
            case Collection<?> c -> "set";
            default -> v.getClass().getSimpleName();
        };
    }

    private static List<Tuple> zip(Object v, List<Object> others, boolean longest, Object fill) {
        List<List<?>> lists = new ArrayList<>();
        lists.add(list("zip", v));
        others.forEach(o -> lists.add(list("zip", o)));
        int n = lists.stream()
                .mapToInt(List::size)
                .reduce(longest ? 0 : Integer.MAX_VALUE, longest ? Math::max : Math::min);
        List<Tuple> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> t = new ArrayList<>();
            for (List<?> l : lists) {
                t.add(i < l.size() ? l.get(i) : fill);
            }
            out.add(new Tuple(t));
        }
        return out;
    }

    private static List<Tuple> product(Object v, Args a) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>());
        List<Object> all = new ArrayList<>();
        all.add(v);
        all.addAll(a.positional());
        for (Object each : all) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> row : rows) {
                for (Object x : list("product", each)) {
                    List<Object> longer = new ArrayList<>(row);
                    longer.add(x);
                    next.add(longer);
                }
            }
            rows = next;
        }
        return rows.stream().map(Tuple::new).toList();
    }

    /** Python's {@code str.split}: on runs of whitespace without a separator, else on each separator. */
    static List<String> split(String s, String sep) {
        if (sep == null) {
            String stripped = s.strip();
            return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
        }
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("split: empty separator");
        }
        return List.of(s.split(java.util.regex.Pattern.quote(sep), -1));
    }

    static Map<?, ?> map(String filter, Object v) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(filter + " expects a dictionary, not " + typeName(v));
    }

    static List<?> list(String filter, Object v) {
        return switch (v) {
            case List<?> l -> l;
            case Collection<?> c -> new ArrayList<>(c);
            case Map<?, ?> m -> new ArrayList<>(m.keySet());
            case Object[] arr -> List.of(arr);
            case null, default -> throw new IllegalArgumentException(filter + " expects a list, not " + typeName(v));
        };
    }
}
