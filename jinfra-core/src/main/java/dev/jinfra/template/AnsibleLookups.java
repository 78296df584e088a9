package dev.jinfra.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ansible's {@code lookup()} and {@code query()} (also {@code q()}) for the plugins that read what the controller
 * has: {@code env} (an environment variable, empty when unset), {@code file} (a local file's text, found beside
 * the template or in a {@code files/} directory there or beside its directory, as in a role), {@code template}
 * (another template rendered with the same variables, found the same way in {@code templates/}) and {@code vars}
 * (a template variable by name).
 */
final class AnsibleLookups {
    private AnsibleLookups() {}

    /** Where the environment is read from; tests replace it. */
    static volatile Function<String, String> environment = System::getenv;

    static List<ELFunctionDefinition> functions() {
        try {
            // Jinjava calls functions by reflection; the class stays out of jinfra's public API.
            Method lookup = AnsibleLookups.class.getMethod("lookup", Object[].class);
            Method query = AnsibleLookups.class.getMethod("query", Object[].class);
            lookup.setAccessible(true);
            query.setAccessible(true);
            return List.of(
                    new ELFunctionDefinition("", "lookup", lookup),
                    new ELFunctionDefinition("", "query", query),
                    new ELFunctionDefinition("", "q", query));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code lookup(plugin, term.., wantlist=False, ..)}: one term's value, or several joined with commas. */
    public static Object lookup(Object... args) {
        Call call = Call.of(args);
        List<Object> values = run(call);
        if (Boolean.TRUE.equals(call.options.get("wantlist"))) {
            return values;
        }
        if (values.size() == 1) {
            return values.getFirst();
        }
        return String.join(",", values.stream().map(PythonStyle::str).toList());
    }

    /** {@code query(plugin, term.., ..)}: the values as a list. */
    public static Object query(Object... args) {
        return run(Call.of(args));
    }

    private record Call(String plugin, List<Object> terms, Map<String, Object> options) {
        static Call of(Object[] args) {
            List<Object> positional = new ArrayList<>();
            Map<String, Object> options = new LinkedHashMap<>();
            for (Object arg : args == null ? new Object[0] : args) {
                if (arg instanceof NamedParameter named) {
                    options.put(named.getName(), named.getValue());
                } else {
                    positional.add(arg);
                }
            }
            if (positional.isEmpty()) {
                throw new IllegalArgumentException(
                        "lookup needs the name of a lookup plugin, e.g. lookup('env', 'HOME')");
            }
            List<Object> terms = new ArrayList<>();
            for (Object term : positional.subList(1, positional.size())) {
                // lookup('file', ['a', 'b']) is two terms, as in Ansible.
                if (term instanceof List<?> list) {
                    terms.addAll(list);
                } else {
                    terms.add(term);
                }
            }
            return new Call(PythonStyle.str(positional.getFirst()), terms, options);
        }
    }

    private static List<Object> run(Call call) {
        List<Object> out = new ArrayList<>();
        for (Object term : call.terms) {
            String name = PythonStyle.str(term);
            out.add(
                    switch (call.plugin) {
                        case "env" -> {
                            String value = environment.apply(name);
                            yield value != null ? value : call.options.getOrDefault("default", "");
                        }
                        case "file" -> file(name, call.options);
                        case "template" -> template(name);
                        case "vars" -> variable(name, call.options);
                        default ->
                            throw new IllegalArgumentException("lookup plugin '" + call.plugin
                                    + "' is not supported by jinfra's templates (env, file, template and vars are)");
                    });
        }
        return out;
    }

    private static String file(String name, Map<String, Object> options) {
        String text = read("file", find("file", "files", name));
        if (NamedFilter.Truth.of(options.getOrDefault("rstrip", true))) {
            text = text.stripTrailing();
        }
        if (NamedFilter.Truth.of(options.getOrDefault("lstrip", false))) {
            text = text.stripLeading();
        }
        return text;
    }

    /**
     * Another template, rendered in this one's environment and variables; its own includes and lookups are found
     * beside it.
     */
    private static String template(String name) {
        Path found = find("template", "templates", name);
        String text = read("template", found);
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter == null) {
            throw new IllegalStateException("lookup('template') outside a template");
        }
        Path dir = found.toAbsolutePath().getParent();
        return ScopedValue.where(TemplateIncludes.DIR, dir).call(() -> interpreter.renderFlat(text));
    }

    /**
     * A local file of a lookup: an absolute path as it is; else in {@code kind}'s directory beside the template,
     * beside the template, or in {@code kind}'s directory beside the template's directory, as in a role.
     */
    private static Path find(String plugin, String kind, String name) {
        Path dir = TemplateIncludes.DIR.isBound() ? TemplateIncludes.DIR.get() : Path.of("");
        Path given = Path.of(name);
        List<Path> candidates = given.isAbsolute()
                ? List.of(given)
                : List.of(
                        dir.resolve(kind).resolve(given),
                        dir.resolve(given),
                        (dir.getParent() == null ? Path.of("") : dir.getParent())
                                .resolve(kind)
                                .resolve(given));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("lookup('" + plugin + "'): could not find " + name + " (looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList()) + ")");
    }

    private static String read(String plugin, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("lookup('" + plugin + "'): cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Object variable(String name, Map<String, Object> options) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object value = interpreter == null ? null : interpreter.getContext().get(name);
        if (value == null && !options.containsKey("default")) {
            throw new IllegalArgumentException("lookup('vars'): '" + name + "' is undefined");
        }
        return value != null ? value : options.get("default");
    }
}
