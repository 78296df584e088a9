package dev.jinfra.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python's string methods, which Jinja2 templates call on text ({@code name.upper()},
 * {@code host.split('.')[0]}, {@code '{}:{}'.format(a, b)}): without this, Jinjava would call Java's methods of
 * the same name, where they exist at all ({@code split} takes a regular expression there, {@code upper} is
 * missing). Other calls go to the resolvers after this one.
 */
final class PythonStringMethods extends ELResolver {
    private static final Pattern FIELD = Pattern.compile("\\{\\{|}}|\\{([^{}:!]*)(?:![rs])?(?::[^{}]*)?}");

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
        if (!(base instanceof String s) || method == null) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        Map<String, Object> named = new java.util.LinkedHashMap<>();
        for (Object p : params == null ? new Object[0] : params) {
            if (p instanceof NamedParameter n) {
                named.put(n.getName(), n.getValue());
            } else {
                args.add(p);
            }
        }
        Object result = call(s, method.toString(), args, named);
        if (result != NOT_FOUND) {
            context.setPropertyResolved(true);
            return result;
        }
        return null;
    }

    private static final Object NOT_FOUND = new Object();

    private static Object call(String s, String method, List<Object> args, Map<String, Object> named) {
        String a0 = args.isEmpty() || args.getFirst() == null ? null : PythonStyle.str(args.getFirst());
        return switch (method) {
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "title" -> title(s);
            case "capitalize" ->
                s.isEmpty()
                        ? s
                        : s.substring(0, 1).toUpperCase(Locale.ROOT)
                                + s.substring(1).toLowerCase(Locale.ROOT);
            case "strip" -> a0 == null ? s.strip() : stripChars(stripChars(s, a0, true), a0, false);
            case "lstrip" -> a0 == null ? s.stripLeading() : stripChars(s, a0, true);
            case "rstrip" -> a0 == null ? s.stripTrailing() : stripChars(s, a0, false);
            case "split" -> split(s, a0, args.size() > 1 ? ((Number) args.get(1)).intValue() : -1);
            case "splitlines" -> s.isEmpty() ? List.of() : List.of(s.split("\r\n|\r|\n"));
            case "startswith" -> affix(s, args.getFirst(), true);
            case "endswith" -> affix(s, args.getFirst(), false);
            case "replace" ->
                replace(s, a0, PythonStyle.str(args.get(1)), args.size() > 2 ? ((Number) args.get(2)).intValue() : -1);
            case "join" ->
                String.join(
                        s,
                        AnsibleFilters.list("join", args.getFirst()).stream()
                                .map(PythonStyle::str)
                                .toList());
            case "count" ->
                a0.isEmpty() ? s.length() + 1 : (s.length() - s.replace(a0, "").length()) / a0.length();
            case "find" -> s.indexOf(a0);
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "zfill" -> zfill(s, ((Number) args.getFirst()).intValue());
            case "format" -> format(s, args, named);
            default -> NOT_FOUND;
        };
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    private static String stripChars(String s, String chars, boolean leading) {
        int from = 0;
        int to = s.length();
        if (leading) {
            while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
                from++;
            }
        } else {
            while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
                to--;
            }
        }
        return s.substring(from, to);
    }

    private static List<String> split(String s, String sep, int maxsplit) {
        if (maxsplit < 0) {
            return AnsibleFilters.split(s, sep);
        }
        List<String> out = new ArrayList<>();
        String rest = sep == null ? s.stripLeading() : s;
        while (out.size() < maxsplit) {
            int at = sep == null ? firstWhitespace(rest) : rest.indexOf(sep);
            if (at < 0) {
                break;
            }
            out.add(rest.substring(0, at));
            rest = sep == null ? rest.substring(at).stripLeading() : rest.substring(at + sep.length());
        }
        if (sep == null) {
            rest = rest.stripTrailing();
            if (!rest.isEmpty()) {
                out.add(rest);
            }
        } else {
            out.add(rest);
        }
        return out;
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean affix(String s, Object what, boolean start) {
        List<?> options = what instanceof List<?> l ? l : List.of(what);
        return options.stream().map(PythonStyle::str).anyMatch(o -> start ? s.startsWith(o) : s.endsWith(o));
    }

    private static String replace(String s, String old, String with, int count) {
        if (count < 0) {
            return s.replace(old, with);
        }
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int done = 0; done < count; done++) {
            int at = s.indexOf(old, pos);
            if (at < 0) {
                break;
            }
            out.append(s, pos, at).append(with);
            pos = at + old.length();
        }
        return out.append(s.substring(pos)).toString();
    }

    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        boolean signed = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
        String zeros = "0".repeat(width - s.length());
        return signed ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
    }

    /** {@code str.format} with {@code {}}, {@code {0}} and {@code {name}} fields (format specs are not applied). */
    private static String format(String s, List<Object> args, Map<String, Object> named) {
        Matcher m = FIELD.matcher(s);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (m.find()) {
            String replacement;
            if (m.group().equals("{{")) {
                replacement = "{";
            } else if (m.group().equals("}}")) {
                replacement = "}";
            } else {
                String field = m.group(1);
                Object value;
                if (field.isEmpty()) {
                    value = args.get(next++);
                } else if (field.chars().allMatch(Character::isDigit)) {
                    value = args.get(Integer.parseInt(field));
                } else {
                    value = named.get(field);
                }
                replacement = PythonStyle.str(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    // Only method calls are resolved here; properties go to the next resolver.

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {}

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
