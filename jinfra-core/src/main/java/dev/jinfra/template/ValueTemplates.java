package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a variable's value that is itself a template, as Ansible's templar does for inventory and vars-file
 * values ({@code app_url: "https://{{ inventory_hostname }}:{{ app_port }}"}).
 *
 * <p>A value that only names another variable ({@code "{{ app_port }}"}) whose own value is a number, a boolean
 * or None is that value. Any other value is rendered to text, and text that looks like a list, a dict or a
 * boolean ({@code "[{{ port }}, 2]"}, {@code "{{ app_config }}"}, {@code "True"}) is read back as Python reads a
 * literal, and kept as text when it is not one: {@code "{{ port + 1 }}"} is the text {@code "8081"}. These are
 * the rules of Ansible 2.14 without {@code jinja2_native}.
 */
final class ValueTemplates {
    private static final Pattern SINGLE_VARIABLE = Pattern.compile("^\\{\\{\\s*(\\w*)\\s*}}$");

    private ValueTemplates() {}

    /** Whether {@code text} may be a template: Ansible's test is whether it holds a Jinja2 opening delimiter. */
    static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    /**
     * Runs a render outside any template being rendered on this thread: Jinjava would lay that template's variables
     * over the value's own, and a value of another host ({@code hostvars['db1'].db_name}) must see that host's.
     */
    private static String alone(java.util.function.Supplier<String> render) {
        java.util.ArrayDeque<JinjavaInterpreter> outer = new java.util.ArrayDeque<>();
        while (JinjavaInterpreter.getCurrent() != null) {
            outer.push(JinjavaInterpreter.getCurrent());
            JinjavaInterpreter.popCurrent();
        }
        try {
            return render.get();
        } finally {
            while (!outer.isEmpty()) {
                JinjavaInterpreter.pushCurrent(outer.pop());
            }
        }
    }

    static Object evaluate(TemplateRenderer renderer, String name, String text, Map<String, ?> variables) {
        Matcher single = SINGLE_VARIABLE.matcher(text);
        if (single.matches() && variables.containsKey(single.group(1))) {
            Object value = variables.get(single.group(1));
            if (value == null || value instanceof Boolean || value instanceof Number) {
                return value;
            }
        }
        String out = alone(() -> renderer.render(name, text, variables));
        if (out.startsWith("{") || out.startsWith("[") || out.equals("True") || out.equals("False")) {
            return PythonLiteral.parseOrKeep(out);
        }
        return out;
    }
}
