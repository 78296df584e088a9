package dev.jinfra.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible's tests {@code match}, {@code search}, {@code regex}, {@code version} and {@code version_compare}. */
final class AnsibleTests {
    private AnsibleTests() {}

    static List<ExpTest> all() {
        return List.of(
                regexTest("match", (m) -> m.lookingAt()),
                regexTest("search", Matcher::find),
                regexTest("regex", Matcher::find),
                versionTest("version"),
                versionTest("version_compare"));
    }

    private static ExpTest regexTest(String name, java.util.function.Predicate<Matcher> found) {
        return new ExpTest() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
                NamedFilter.Args a = args(args);
                Pattern p = AnsibleTextFilters.pattern(a.text(0, "pattern", ""), a, 1);
                return found.test(p.matcher(PythonStyle.str(var)));
            }
        };
    }

    /**
     * A test's arguments. Jinjava passes {@code is version('2.9', '>')} as one list argument; these tests take no
     * list as their first argument, so such a list is the arguments.
     */
    private static NamedFilter.Args args(Object[] args) {
        if (args != null && args.length == 1 && args[0] instanceof List<?> packed) {
            args = packed.toArray();
        }
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter p) {
                named.put(p.getName(), p.getValue());
            } else {
                positional.add(arg);
            }
        }
        return new NamedFilter.Args(positional, named);
    }

    private static ExpTest versionTest(String name) {
        return new ExpTest() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
                return Versions.test(var, args(args));
            }
        };
    }

    /** {@code version(other, operator='eq')}: LooseVersion order, numbers as numbers ({@code 2.10 > 2.9}). */
    private static final class Versions {
        private static final Pattern PART = Pattern.compile("\\d+|[a-zA-Z]+");

        static boolean test(Object var, NamedFilter.Args a) {
            int c = compare(PythonStyle.str(var), a.text(0, "version", ""));
            String op = a.text(1, "operator", "eq");
            return switch (op) {
                case "==", "=", "eq" -> c == 0;
                case "!=", "<>", "ne" -> c != 0;
                case "<", "lt" -> c < 0;
                case "<=", "le" -> c <= 0;
                case ">", "gt" -> c > 0;
                case ">=", "ge" -> c >= 0;
                default -> throw new IllegalArgumentException("version: unknown operator '" + op + "'");
            };
        }

        private static int compare(String x, String y) {
            List<String> a = parts(x);
            List<String> b = parts(y);
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String p = a.get(i);
                String q = b.get(i);
                boolean pNum = Character.isDigit(p.charAt(0));
                boolean qNum = Character.isDigit(q.charAt(0));
                int c = pNum && qNum
                        ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q))
                        : pNum != qNum ? (pNum ? -1 : 1) : p.compareTo(q);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        private static List<String> parts(String v) {
            List<String> out = new ArrayList<>();
            Matcher m = PART.matcher(v);
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        }
    }
}
