package dev.jinfra.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What Ansible's template environment adds, beyond the cases compared with real Ansible. */
class AnsibleEnvironmentTest {
    private final TemplateRenderer ansible = TemplateRenderer.ansible();

    private String render(String source, Map<String, ?> vars) {
        return ansible.render("t.j2", source, vars);
    }

    @Test
    void lookupEnvReadsTheControllersEnvironment() {
        Function<String, String> before = AnsibleLookups.environment;
        AnsibleLookups.environment = Map.of("APP_HOME", "/srv/app")::get;
        try {
            assertThat(render("{{ lookup('env', 'APP_HOME') }}|{{ lookup('env', 'NOT_SET', default='d') }}", Map.of()))
                    .isEqualTo("/srv/app|d");
            assertThat(render("{{ query('env', 'APP_HOME', 'NOT_SET') }}", Map.of()))
                    .isEqualTo("['/srv/app', '']");
        } finally {
            AnsibleLookups.environment = before;
        }
    }

    @Test
    void anUnsupportedLookupPluginIsNamed() {
        assertThatThrownBy(() -> render("a\n{{ lookup('pipe', 'date') }}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.j2:2:")
                .hasMessageContaining("lookup plugin 'pipe' is not supported");
    }

    @Test
    void mapWithAnUnknownFilterIsAnErrorAsInJinja2() {
        assertThatThrownBy(() -> new TemplateRenderer()
                        .render("t.j2", "{{ xs | map('nosuch') | list }}", Map.of("xs", List.of(1))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unknown filter 'nosuch'");
    }

    @Test
    void mandatoryFailsOnAnUndefinedValueWithItsMessage() {
        assertThatThrownBy(() -> render("{{ port | mandatory('port is needed') }}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.j2:1:1: port is needed");
    }

    @Test
    void versionTestsCompareNumbersAsNumbers() {
        assertThat(render(
                        "{{ '2.10' is version('2.9', '>') }} {{ '1.2.3' is version('1.2.3') }} {{ '1.0' is version_compare('1.0.1', 'lt') }}",
                        Map.of()))
                .isEqualTo("True True True");
    }

    @Test
    void plainJinja2HasNoAnsibleFiltersAndKeepsBlockLineBreaks() {
        var plain = new TemplateRenderer();
        assertThatThrownBy(() -> plain.render("t.j2", "{{ 1 | to_nice_yaml }}", Map.of()))
                .hasMessageContaining("unknown filter 'to_nice_yaml'");
        assertThat(plain.render("t.j2", "{% if true %}\nx\n{% endif %}\n", Map.of()))
                .isEqualTo("\nx\n\n");
        assertThat(render("{% if true %}\nx\n{% endif %}\n", Map.of())).isEqualTo("x\n");
    }
}
