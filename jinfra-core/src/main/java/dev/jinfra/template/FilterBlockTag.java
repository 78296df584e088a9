package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/**
 * Jinja2's {@code {% filter upper %}...{% endfilter %}}, which Jinjava lacks: renders the body, then passes
 * it through the named filters in turn ({@code {% filter trim|upper %}}). Filters without arguments only.
 */
final class FilterBlockTag implements Tag {
    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public String getEndTagName() {
        return "endfilter";
    }

    @Override
    public String interpret(TagNode node, JinjavaInterpreter interpreter) {
        StringBuilder body = new StringBuilder();
        for (Node child : node.getChildren()) {
            body.append(child.render(interpreter).getValue());
        }
        Object value = body.toString();
        for (String name : node.getHelpers().trim().split("\\s*\\|\\s*")) {
            Filter filter = interpreter.getContext().getFilter(name);
            if (filter == null) {
                throw new TemplateSyntaxException(interpreter, node.getHelpers(), "unknown filter '" + name + "'");
            }
            value = filter.filter(value, interpreter);
        }
        return interpreter.getAsString(value);
    }
}
