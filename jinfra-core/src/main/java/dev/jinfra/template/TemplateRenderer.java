package dev.jinfra.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;

/**
 * Renders Jinja2 templates with Jinjava, set up to behave as close to Jinja2 (as pyinfra uses it: trailing
 * newline kept, undefined variables are errors) as practical. What still differs is listed in the test
 * resources' {@code templates/known-differences.txt}.
 *
 * <p>{@link #ansible()} renders as Ansible's {@code template} module does: Jinja2's {@code trim_blocks} on (the
 * first line break after a block tag is dropped), a template's trailing line breaks kept as Ansible keeps them,
 * and Ansible's filters ({@link AnsibleFilters}, {@link AnsibleTextFilters}), tests and {@code lookup()}
 * ({@link AnsibleLookups}). Ansible's variables ({@code inventory_hostname}, {@code hostvars}, ...) are the
 * caller's to give.
 *
 * <p>A template Jinja2 would reject is an error here too, even where Jinjava alone would render it as text:
 * every render first checks the template ({@link #check}), then treats every Jinjava error that means the
 * template is broken as fatal. Errors name {@code file:line:column}.
 */
public final class TemplateRenderer {
    private final Jinjava jinjava;
    private final boolean ansible;

    // The template that last passed check(), with its text rewritten for Jinjava: a deploy renders one
    // template for many hosts, and checking the same text again for each of them would find nothing new.
    private volatile Checked lastChecked;

    private record Checked(String source, String rewritten) {}

    /** Strict rendering: an undefined variable is an error, as with Jinja2's {@code StrictUndefined}. */
    public TemplateRenderer() {
        this(true, false);
    }

    private TemplateRenderer(boolean strict, boolean ansible) {
        this.ansible = ansible;
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(strict)
                .withTrimBlocks(ansible)
                .withElResolver(resolver())
                .withInterperterFactory(
                        ansible ? PythonStyleInterpreter.ANSIBLE_FACTORY : PythonStyleInterpreter.FACTORY)
                // Jinja2 precedence (e.g. "not a in b"), and whitespace control as Jinja2 parses it.
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withUseSnakeCasePropertyNaming(true)
                        .withIterateOverMapKeys(true)
                        .withKeepNullableLoopValues(true)
                        .build())
                .build();
        jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.min());
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.max());
        jinjava.getGlobalContext().registerFilter(new KeywordSortFilter());
        jinjava.getGlobalContext().registerFilter(new JsonFilter());
        Jinja2Filters.all().forEach(jinjava.getGlobalContext()::registerFilter);
        jinjava.getGlobalContext().registerTag(new FilterBlockTag());
        jinjava.setResourceLocator(new TemplateIncludes(this::checkAndRewrite, ansible));
        if (ansible) {
            AnsibleFilters.all().forEach(jinjava.getGlobalContext()::registerFilter);
            AnsibleTextFilters.all().forEach(jinjava.getGlobalContext()::registerFilter);
            AnsibleTests.all().forEach(jinjava.getGlobalContext()::registerExpTest);
            AnsibleLookups.functions().forEach(jinjava.getGlobalContext()::registerFunction);
        }
    }

    /** Python's string methods first, then Jinjava's own resolution of names, items and methods. */
    private static ELResolver resolver() {
        var resolver = new CompositeELResolver();
        resolver.add(new PythonStringMethods());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return resolver;
    }

    /**
     * Strict rendering in Ansible's template environment, as its {@code template} module renders: {@code trim_blocks},
     * Ansible's filters, tests and {@code lookup('env'|'file'|'vars', ..)}.
     */
    public static TemplateRenderer ansible() {
        return new TemplateRenderer(true, true);
    }

    /**
     * Lenient rendering: an undefined variable prints as nothing, as with Jinja2's default {@code Undefined}.
     * A broken template is still an error.
     */
    public static TemplateRenderer lenient() {
        return new TemplateRenderer(false, false);
    }

    /**
     * The value of a variable written as a template ({@code "https://{{ inventory_hostname }}:{{ port }}"}),
     * evaluated as Ansible evaluates inventory and vars-file values: a value that names a number or boolean
     * variable alone is that, other values are text, and text that looks like a list, dict or boolean is read back
     * as one ({@link ValueTemplates}). Only in Ansible's environment ({@link #ansible()}).
     *
     * @param name what messages call the value
     * @throws TemplateException when the value is not a template Jinja2 would accept, or fails
     * @throws VariableException when a variable it reads is a template that cannot be evaluated
     */
    public Object evaluate(String name, String text, Map<String, ?> variables) {
        if (!ansible) {
            throw new IllegalStateException("values are evaluated in Ansible's environment only");
        }
        return ValueTemplates.evaluate(this, name, text, variables);
    }

    /** Whether a text value may be a template, as Ansible tells: it holds {@code {{}}, {@code {%} or <code>{#</code>. */
    public static boolean isTemplate(String text) {
        return ValueTemplates.isTemplate(text);
    }

    /** Renders a local template file; errors name the file as given, e.g. {@code templates/a.j2:12:5: ...}. */
    public String render(Path file, Map<String, ?> variables) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file + ": " + e.getMessage(), e);
        }
        return render(file.toString(), source, variables);
    }

    /** Renders template text; {@code name} is used in error messages. */
    public String render(String name, String source, Map<String, ?> variables) {
        // Included templates and looked-up files are named in messages as the template is: relative if it is.
        Path parent = Path.of(name).getParent();
        Path dir = parent == null ? Path.of("") : parent;
        if (!ansible) {
            return renderText(name, source, dir, variables);
        }
        // Jinja2 (keep_trailing_newline off) drops one line break at the very end; Ansible then adds line breaks
        // until the output ends in as many as the template does. trim_blocks may have taken the last one.
        int trailing = trailingNewlines(source);
        String text = trailing > 0 ? source.substring(0, source.length() - 1) : source;
        String out = renderText(name, text, dir, variables);
        return out + "\n".repeat(Math.max(0, trailing - trailingNewlines(out)));
    }

    private static int trailingNewlines(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(s.length() - 1 - n) == '\n') {
            n++;
        }
        return n;
    }

    private String renderText(String name, String source, Path dir, Map<String, ?> variables) {
        TemplateSource template = new TemplateSource(name, source);
        Checked checked = lastChecked;
        String rewritten = checked != null && checked.source().equals(source) ? checked.rewritten() : check(template);
        @SuppressWarnings("unchecked")
        Map<String, Object> bindings = (Map<String, Object>) variables;
        Set<String> none = new HashSet<>();
        bindings.forEach((k, v) -> {
            if (v == null) {
                none.add(k);
            }
        });
        Map<String, TemplateSource> included = new ConcurrentHashMap<>();
        RenderResult result;
        try {
            result = ScopedValue.where(NoneValues.GIVEN_AS_NONE, none)
                    .where(TemplateIncludes.DIR, dir)
                    .where(TemplateIncludes.READ, included)
                    .call(() -> jinjava.renderForResult(rewritten, bindings));
        } catch (RuntimeException e) {
            VariableException variable = VariableException.in(e);
            throw variable != null ? variable : JinjavaErrors.translate(template, JinjaLexer.tags(template), e);
        }
        result.getErrors().stream()
                .filter(JinjavaErrors::breaksTemplate)
                .findFirst()
                .ifPresent(error -> {
                    // A variable whose own value failed is reported as that variable's problem.
                    VariableException variable = VariableException.in(error.getException());
                    if (variable != null) {
                        throw variable;
                    }
                    // Jinjava does not say which template an error is in; one in an included template is reported
                    // at that template's own line when the name it is about is written on that line there only.
                    TemplateSource where = included.values().stream()
                            .filter(t -> !JinjavaErrors.namesOnItsLine(template, error)
                                    && JinjavaErrors.namesOnItsLine(t, error))
                            .findFirst()
                            .orElse(template);
                    throw JinjavaErrors.translate(jinjava.getGlobalContext(), where, JinjaLexer.tags(where), error);
                });
        return result.getOutput();
    }

    /**
     * Checks a template's syntax without rendering it: delimiters, string literals, block structure, tag
     * names, expressions, filter and test names. A deploy can check a template once before rendering it for
     * each host; variables are not needed, and undefined ones are only found when rendering.
     *
     * @throws TemplateException naming {@code name:line:column} at the first problem
     */
    public void check(String name, String source) {
        check(new TemplateSource(name, source));
    }

    /** Checks the template and returns its text rewritten for Jinjava. */
    private String check(TemplateSource template) {
        String rewritten = checkAndRewrite(template);
        lastChecked = new Checked(template.text(), rewritten);
        return rewritten;
    }

    private String checkAndRewrite(TemplateSource template) {
        List<Tag> tags = JinjaLexer.tags(template);
        BlockStructure.check(template, tags);
        JinjavaInterpreter interpreter = jinjava.newInterpreter();
        ExpressionCheck.check(jinjava, interpreter, template, tags);
        String rewritten = JinjaSyntax.rewrite(template.text(), tags, ansible);
        // Jinjava's own parse finds what it cannot handle although Jinja2 can, e.g. a tag it does not know.
        try {
            interpreter.parse(rewritten);
        } catch (RuntimeException e) {
            throw JinjavaErrors.translate(template, tags, e);
        }
        JinjavaErrors.first(jinjava.getGlobalContext(), template, tags, interpreter.getErrors())
                .ifPresent(e -> {
                    throw e;
                });
        return rewritten;
    }
}
