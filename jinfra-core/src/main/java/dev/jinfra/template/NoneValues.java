package dev.jinfra.template;

import com.hubspot.jinjava.interpret.Context;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a None value from an undefined one where Jinjava cannot: an expression that is a path of names and
 * subscripts ({@code a}, {@code a.b}, {@code a['b'][0]}) whose every step is there, or such a path followed by
 * filters ({@code a | regex_search('x')}), is defined, whatever its value. Anything else that comes out null is
 * taken as undefined, as Jinjava takes it.
 */
final class NoneValues {
    private NoneValues() {}

    /**
     * The template's variables given with the value None: Jinjava leaves them out of its context, so that there
     * they look undefined.
     */
    static final ScopedValue<java.util.Set<String>> GIVEN_AS_NONE = ScopedValue.newInstance();

    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*");
    private static final Pattern STEP =
            Pattern.compile("\\s*(?:\\.\\s*([A-Za-z_]\\w*)|\\[\\s*(?:'([^']*)'|\"([^\"]*)\"|(\\d+))\\s*])\\s*");

    static boolean isDefined(Context context, String expression) {
        List<String> parts = filterChain(expression);
        for (String filter : parts.subList(1, parts.size())) {
            // An unknown filter gives null too; that stays an error.
            Matcher f = NAME.matcher(filter);
            if (!f.lookingAt() || context.getFilter(f.group(1)) == null) {
                return false;
            }
        }
        String path = parts.getFirst();
        Matcher name = NAME.matcher(path);
        if (!name.lookingAt()) {
            return false;
        }
        if (!context.containsKey(name.group(1))) {
            return name.end() == path.length()
                    && GIVEN_AS_NONE.isBound()
                    && GIVEN_AS_NONE.get().contains(name.group(1));
        }
        Object value = defined(context.get(name.group(1)));
        if (value == UNDEFINED) {
            return false;
        }
        int at = name.end();
        Matcher step = STEP.matcher(path);
        while (at < path.length()) {
            if (!step.region(at, path.length()).lookingAt()) {
                return false;
            }
            String key = step.group(1) != null ? step.group(1) : step.group(2) != null ? step.group(2) : step.group(3);
            if (value instanceof Map<?, ?> map && key != null && map.containsKey(key)) {
                value = defined(map.get(key));
            } else if (value instanceof List<?> list
                    && step.group(4) != null
                    && Integer.parseInt(step.group(4)) < list.size()) {
                value = defined(list.get(Integer.parseInt(step.group(4))));
            } else {
                return false;
            }
            at = step.end();
            if (value == UNDEFINED) {
                return false;
            }
        }
        return true;
    }

    private static final Object UNDEFINED = new Object();

    /** A deferred value's own value, or {@link #UNDEFINED} when it names an undefined variable. */
    private static Object defined(Object value) {
        if (value instanceof DeferredValue deferred) {
            return deferred.isUndefined() ? UNDEFINED : deferred.get();
        }
        return value;
    }

    /** The expression split at each filter's {@code |}, outside strings and brackets. */
    private static List<String> filterChain(String expression) {
        List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }
}
