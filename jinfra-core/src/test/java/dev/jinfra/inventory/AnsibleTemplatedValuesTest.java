package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.command.Secret;
import dev.jinfra.ops.files.Template;
import dev.jinfra.template.TemplateException;
import dev.jinfra.template.VariableException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Values of an Ansible inventory that are templates, evaluated as Ansible evaluates them, compared with what
 * Ansible itself gives: {@code ansible-templated/expected.json} is every variable of {@code variables.txt} on
 * every host of {@code ansible-templated/hosts.ini}, as {@code {{ NAME | to_json }}} in a play of ansible-core
 * 2.14 (made once by its {@code generate.py}). Each is read by deploy code ({@link Host#value}) and by a template.
 */
class AnsibleTemplatedValuesTest {
    static final Path CASES = TestInventories.dir().resolve("ansible-templated");

    /** Where jinfra knowingly differs from Ansible, host and variable, each with why. */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "web1 ansible_host", "in a play Ansible gives ansible_host the inventory name when none is set",
            "db1 nothing", "jinfra leaves out a variable set to nothing (key:)",
            "web1 nothing", "jinfra leaves out a variable set to nothing (key:)",
            "web2 nothing", "jinfra leaves out a variable set to nothing (key:)",
            "db1 nothing_copy", "its value names 'nothing', which jinfra leaves out",
            "web1 nothing_copy", "its value names 'nothing', which jinfra leaves out",
            "web2 nothing_copy", "its value names 'nothing', which jinfra leaves out");

    @TempDir
    Path dir;

    @Test
    void deployCodeReadsEveryValueAsAnsibleEvaluatesIt() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (var host : expected().entrySet()) {
            // Each host from an inventory of its own: no value another host's reading evaluated first.
            Host h = load().host(host.getKey()).orElseThrow();
            for (var variable : host.getValue().entrySet()) {
                String id = host.getKey() + " " + variable.getKey();
                if (KNOWN_DIFFERENCES.containsKey(id)) {
                    continue;
                }
                compared++;
                String got = describe(() -> h.value(dataKey(variable.getKey())).orElse(UNDEFINED));
                String want = describe(variable.getValue());
                if (!got.equals(want)) {
                    mismatches.add(id + ": jinfra " + got + ", Ansible " + want);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).isEqualTo(92);
    }

    @Test
    void templatesReadEveryValueAsAnsibleEvaluatesIt() throws Exception {
        Inventory inventory = load();
        List<String> mismatches = new ArrayList<>();
        for (var host : expected().entrySet()) {
            Host h = inventory.host(host.getKey()).orElseThrow();
            for (var variable : host.getValue().entrySet()) {
                String id = host.getKey() + " " + variable.getKey();
                if (KNOWN_DIFFERENCES.containsKey(id)) {
                    continue;
                }
                Path template = dir.resolve(variable.getKey() + ".j2");
                // jinfra's templates take an undefined variable inside a filter chain for None: asked first.
                Files.writeString(
                        template,
                        "{% if X is defined %}{{ X | to_json }}{% else %}UNDEFINED{% endif %}"
                                .replace("X", variable.getKey()));
                Map<String, Object> vars = Template.variables(h, RunHosts.of(inventory), Map.of(), true);
                String got = describe(() -> {
                    String out = new String(
                            new Template(template.toString(), "/x", null, null, null, vars, true).render(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    return out.equals("UNDEFINED") ? UNDEFINED : json(out);
                });
                String want = describe(variable.getValue());
                if (!got.equals(want)) {
                    mismatches.add(id + ": jinfra " + got + ", Ansible " + want);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aValueMadeFromAVaultValueIsASecretItselfEvenThroughOtherVariables() {
        Host db1 = load().host("db1").orElseThrow();

        assertThat(db1.data().get("db_password")).isInstanceOf(Secret.class);
        assertThat(db1.data().get("db_url")).isInstanceOf(Secret.class).hasToString("****");
        assertThat(db1.data("db_url")).isEqualTo("postgres://deploy:db-pässword@10.0.0.5/db1_data");
        Host web1 = load().host("web1").orElseThrow();
        assertThat(web1.data().get("db_password_seen")).isInstanceOf(Secret.class);
        assertThat(web1.data().get("db_name_seen")).isEqualTo("db1_data");
    }

    @Test
    void aValueNamingAnUndefinedVariableIsOneLineNamingTheVariableTheHostAndWhereItWasWritten() {
        Host web1 = load().host("web1").orElseThrow();

        assertThatThrownBy(() -> web1.data("broken"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("ansible-templated/group_vars/all.yml:30: host web1: broken: 'nope' is undefined"
                        + " in '{{ nope }}'");
    }

    @Test
    void aValueThatNamesItselfThroughOthersIsALoopNamedInOneLine() {
        Host web2 = load().host("web2").orElseThrow();

        assertThatThrownBy(() -> web2.data("loop_a"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("ansible-templated/group_vars/all.yml:33: host web2: loop_a: recursive loop:"
                        + " loop_a -> loop_b -> loop_a");
    }

    @Test
    void aBrokenValueThatIsNeverReadIsNoError() {
        Host web1 = load().host("web1").orElseThrow();

        assertThat(web1.data("app_url")).isEqualTo("https://web1:8081");
        assertThat(web1.toString()).contains("broken={{ nope }}");
    }

    @Test
    void connectionSettingsWrittenAsTemplatesAreEvaluated() {
        Inventory inventory = load();

        assertThat(inventory.host("web2").orElseThrow().address()).isEqualTo("web2.internal");
        assertThat(inventory.host("web1").orElseThrow().string(HostKeys.SSH_USER, null))
                .isEqualTo("web1-deploy");
    }

    @Test
    void aValueThatIsOmitIsLeftOutForDeployCode() throws Exception {
        Files.writeString(dir.resolve("hosts.ini"), """
                [web]
                web1 tuned="{{ tuning | default(omit) }}" kept="{{ tuning | default('none') }}"
                """);
        Host web1 = InventoryLoader.load("hosts.ini", dir).host("web1").orElseThrow();

        assertThat(web1.value("tuned")).isEmpty();
        assertThat(web1.value("kept")).hasValue("none");
    }

    @Test
    void commandLineDataIsSeenByValuesThatNameIt() {
        Inventory inventory = load().withData(Map.of("app_port", 9000));

        assertThat(inventory.host("web2").orElseThrow().data("app_url")).isEqualTo("https://web2:9000");
    }

    private static final Object UNDEFINED = new Object();

    /** jinfra keeps Ansible's connection variables under its own names. */
    private static String dataKey(String ansibleName) {
        return switch (ansibleName) {
            case "ansible_host" -> HostKeys.SSH_HOSTNAME;
            case "ansible_user" -> HostKeys.SSH_USER;
            default -> ansibleName;
        };
    }

    private Inventory load() {
        Secret password = new Secret("correct horse battery staple");
        return InventoryLoader.load(
                "ansible-templated/hosts.ini",
                TestInventories.dir(),
                new AnsibleContext(List.of(), new VaultPassword(password, "password.txt")));
    }

    private interface Read {
        Object get() throws Exception;
    }

    /** A value, or how reading it failed, in one comparable line. */
    private static String describe(Read read) {
        try {
            Object value = read.get();
            return value == UNDEFINED ? "undefined" : "value " + canonical(Secret.revealed(value));
        } catch (InventoryException | VariableException | TemplateException e) {
            return e.getMessage().contains(" is undefined") ? "undefined" : "error";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(Object expected) {
        Map<?, ?> entry = (Map<?, ?>) expected;
        if (entry.containsKey("undefined")) {
            return "undefined";
        }
        if (entry.containsKey("error")) {
            // Ansible words a value naming an undefined variable as an error of the task that reads it.
            return entry.get("error").toString().contains(" is undefined") ? "undefined" : "error";
        }
        return "value " + canonical(entry.get("value"));
    }

    /** Numbers by value, whatever their Java type; maps and lists item by item. */
    private static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Number n -> new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            case String s -> "'" + s + "'";
            case Map<?, ?> m -> {
                List<String> items = new ArrayList<>();
                m.forEach((k, v) -> items.add(k + ": " + canonical(v)));
                yield "{" + String.join(", ", items) + "}";
            }
            case List<?> l ->
                "["
                        + String.join(
                                ", ",
                                l.stream()
                                        .map(AnsibleTemplatedValuesTest::canonical)
                                        .toList()) + "]";
            default -> value.toString();
        };
    }

    private static Object json(String text) {
        return new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> expected() throws Exception {
        Object tree = json(Files.readString(CASES.resolve("expected.json")));
        return new LinkedHashMap<>((Map<String, Map<String, Object>>) tree);
    }
}
