package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.filter.SortFilter;
import java.util.Map;

/**
 * Jinja2's {@code sort(reverse=true, case_sensitive=false, attribute="x")}: Jinjava's sort takes the same
 * three arguments but only by position, so keyword arguments are put in their places first.
 */
final class KeywordSortFilter implements Filter {
    private final SortFilter sort = new SortFilter();

    @Override
    public String getName() {
        return "sort";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return sort.filter(var, interpreter, args);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        String[] positional = {"false", "false", null};
        String[] names = {"reverse", "case_sensitive", "attribute"};
        for (int i = 0; i < positional.length; i++) {
            Object given = i < args.length ? args[i] : kwargs.get(names[i]);
            if (given != null) {
                positional[i] = given.toString();
            }
        }
        return positional[2] == null
                ? sort.filter(var, interpreter, positional[0], positional[1])
                : sort.filter(var, interpreter, positional);
    }
}
