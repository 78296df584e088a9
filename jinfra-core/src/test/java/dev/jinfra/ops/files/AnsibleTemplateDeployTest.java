package dev.jinfra.ops.files;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.command.Secret;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.InventoryLoader;
import dev.jinfra.inventory.RunHosts;
import dev.jinfra.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleTemplateDeployTest {
    @TempDir
    Path dir;

    private static final String BLOCKS = "{% for u in users %}\n{{ u }}\n{% endfor %}\n";
    private static final FactSource NO_FILE_ON_THE_HOST = new FactSource() {
        @Override
        public <T> T get(Fact<T> fact) {
            return null;
        }
    };

    private Inventory ansibleInventory() throws Exception {
        Path ini = Files.writeString(dir.resolve("hosts.ini"), """
                [web]
                web1.example.com ansible_host=10.0.0.11 port=8080
                web2.example.com ansible_host=10.0.0.12 port=8081

                [db]
                db1 ansible_port=2222
                """);
        return InventoryLoader.load(ini);
    }

    private Template prepared(Host host, Inventory inventory, Deploy deploy) {
        return prepared(host, RunHosts.of(inventory), deploy);
    }

    private Template prepared(Host host, RunHosts run, Deploy deploy) {
        var registered = PrepareContext.prepare(host, run, List.of(deploy), FactSource.NONE);
        return (Template) registered.getFirst().call().operation();
    }

    private static String rendered(Template op) {
        return new String(op.render(), StandardCharsets.UTF_8);
    }

    @Test
    void hostsFromAnAnsibleInventoryRenderAsAnsibleDoes() throws Exception {
        Inventory inventory = ansibleInventory();
        Path src = Files.writeString(dir.resolve("upstream.j2"), """
                # {{ ansible_managed }}
                {% for h in groups['web'] %}
                server {{ hostvars[h].ansible_host }}:{{ hostvars[h]['port'] }};
                {% endfor %}
                me={{ inventory_hostname }} short={{ inventory_hostname_short }} in={{ group_names | to_json }}
                db={{ hostvars['db1'].ansible_port }} all={{ groups.all | length }} ungrouped={{ groups.ungrouped }}
                """);
        Host web1 = inventory.host("web1.example.com").orElseThrow();

        Template op = prepared(web1, inventory, h -> files.template(src.toString(), "/etc/up.conf"));

        assertThat(op.ansible()).isTrue();
        assertThat(rendered(op)).isEqualTo("""
                        # Ansible managed
                        server 10.0.0.11:8080;
                        server 10.0.0.12:8081;
                        me=web1.example.com short=web1 in=["web"]
                        db=2222 all=3 ungrouped=[]
                        """);
    }

    @Test
    void thePlayIsTheRunsHostsWhileGroupsAndHostvarsAreTheWholeInventorys() throws Exception {
        Inventory inventory = ansibleInventory();
        Path src = Files.writeString(
                dir.resolve("play.j2"),
                "{{ ansible_play_hosts }} {{ ansible_play_batch }} {{ groups.web | length }}"
                        + " {{ hostvars['web2.example.com'].port }}\n");
        Host web1 = inventory.host("web1.example.com").orElseThrow();
        RunHosts limited = new RunHosts(inventory, List.of("web1.example.com", "db1"), List.of("web1.example.com"));

        Template op = prepared(web1, limited, h -> files.template(src.toString(), "/etc/play"));

        assertThat(rendered(op)).isEqualTo("['web1.example.com', 'db1'] ['web1.example.com'] 2 8081\n");
    }

    @Test
    void hostsOfAJinfraInventoryRenderAsPlainJinja2UnlessAnsibleIsAsked() throws Exception {
        Path src = Files.writeString(dir.resolve("users.j2"), BLOCKS);
        Host host = new Host("a", List.of("web"), Map.of("users", List.of("x", "y")));
        Inventory inventory = Inventory.of("hosts.yaml", List.of(host));

        Template plain = prepared(host, inventory, h -> files.template(src.toString(), "/etc/users"));
        Template asked = prepared(
                host,
                inventory,
                h -> files.template(src.toString(), "/etc/users").arg("ansible", true));

        assertThat(rendered(plain)).isEqualTo("\nx\n\ny\n\n");
        assertThat(rendered(asked)).isEqualTo("x\ny\n");
    }

    @Test
    void ansibleFalseRendersAnAnsibleHostsTemplateAsPlainJinja2() throws Exception {
        Inventory inventory = ansibleInventory();
        Path src = Files.writeString(dir.resolve("users.j2"), BLOCKS);
        Host web1 = inventory.host("web1.example.com").orElseThrow();

        Template op = prepared(
                web1,
                inventory,
                h -> files.template(src.toString(), "/etc/users", Map.of("users", List.of("x")))
                        .arg("ansible", false));

        assertThat(rendered(op)).isEqualTo("\nx\n\n");
        assertThat(op.vars()).doesNotContainKey("hostvars");
    }

    @Test
    void hostDataIsReadPyinfraStyleInBothEnvironments() throws Exception {
        Path src = Files.writeString(dir.resolve("port.j2"), "{{ host.data.port }} {{ host.name }}\n");
        Inventory inventory = ansibleInventory();
        Host web1 = inventory.host("web1.example.com").orElseThrow();
        for (boolean ansible : List.of(true, false)) {
            Template op = prepared(
                    web1,
                    inventory,
                    h -> files.template(src.toString(), "/etc/port").arg("ansible", ansible));
            assertThat(rendered(op)).isEqualTo("8080 web1.example.com\n");
        }
    }

    @Test
    void anotherHostsVaultValueRendersButIsNeverShown() throws Exception {
        Host web = new Host("web", List.of("web"), Map.of());
        Host db = new Host("db", List.of("db"), Map.of("db_password", new Secret("s3cret-value")));
        Inventory inventory = Inventory.of("hosts.ini", List.of(web, db)).asAnsible(true);
        Path reads = Files.writeString(dir.resolve("reads.j2"), "password={{ hostvars['db'].db_password }}\n");
        Path ignores = Files.writeString(dir.resolve("ignores.j2"), "name={{ inventory_hostname }}\n");

        Template op = prepared(web, inventory, h -> files.template(reads.toString(), "/etc/app.conf"));
        Template other = prepared(web, inventory, h -> files.template(ignores.toString(), "/etc/name"));

        assertThat(rendered(op)).isEqualTo("password=s3cret-value\n");
        assertThat(op.toString()).doesNotContain("s3cret-value").contains("hostvars of 2 hosts");
        assertThat(op.diff(NO_FILE_ON_THE_HOST)).isEqualTo(Template.DIFF_HIDDEN_FOR_SECRETS);
        assertThat(other.diff(NO_FILE_ON_THE_HOST)).contains("+name=web");
    }

    @Test
    void valuesWrittenAsTemplatesRenderEvaluatedAndThoseMadeOfVaultValuesAreNeverShown() throws Exception {
        Host web = new Host(
                "web", List.of("web"), Map.of("url", "https://{{ inventory_hostname }}:{{ port }}", "port", 80));
        Host db = new Host(
                "db",
                List.of("db"),
                Map.of(
                        "vault_password",
                        new Secret("s3cret-value"),
                        "dsn",
                        "pg://app:{{ vault_password }}@{{ inventory_hostname }}"));
        Inventory inventory = Inventory.of("hosts.ini", List.of(web, db)).asAnsible(true);
        Path reads = Files.writeString(dir.resolve("reads.j2"), "dsn={{ hostvars['db'].dsn }} url={{ url }}\n");
        Path plain = Files.writeString(dir.resolve("plain.j2"), "url={{ url }}\n");

        Template op = prepared(
                inventory.host("web").orElseThrow(), inventory, h -> files.template(reads.toString(), "/etc/app.conf"));
        Template other = prepared(
                inventory.host("web").orElseThrow(), inventory, h -> files.template(plain.toString(), "/etc/url"));

        assertThat(rendered(op)).isEqualTo("dsn=pg://app:s3cret-value@db url=https://web:80\n");
        assertThat(op.toString()).doesNotContain("s3cret-value");
        assertThat(op.diff(NO_FILE_ON_THE_HOST)).isEqualTo(Template.DIFF_HIDDEN_FOR_SECRETS);
        assertThat(other.diff(NO_FILE_ON_THE_HOST)).contains("+url=https://web:80");
    }

    @Test
    void aValueThatCannotBeEvaluatedFailsTheTemplateWithOneLineNamingTheVariableAndHost() throws Exception {
        Host web = new Host("web", List.of("web"), Map.of("url", "https://{{ missing_port }}"));
        Inventory inventory = Inventory.of("hosts.ini", List.of(web)).asAnsible(true);
        Path src = Files.writeString(dir.resolve("app.j2"), "url={{ url }}\n");

        Template op = prepared(
                inventory.host("web").orElseThrow(), inventory, h -> files.template(src.toString(), "/etc/app"));

        assertThatThrownBy(op::render)
                .hasMessage("host web: url: 'missing_port' is undefined in 'https://{{ missing_port }}'");
    }

    @Test
    void anUnknownFilterIsOneLineNamingTheFileLineAndFilter() throws Exception {
        Path src = Files.writeString(dir.resolve("x.j2"), "a\nb\n{{ d | to_jsn }}\n");
        Inventory inventory = ansibleInventory();
        Host web1 = inventory.host("web1.example.com").orElseThrow();
        Template op = prepared(web1, inventory, h -> files.template(src.toString(), "/etc/x", Map.of("d", 1)));

        assertThatThrownBy(op::render)
                .isInstanceOf(TemplateException.class)
                .hasMessage(src + ":3:8: unknown filter 'to_jsn' in '{{ d | to_jsn }}'");
    }

    @Test
    void lookupFileReadsBesideTheTemplateOrInAFilesDirectory() throws Exception {
        Path role = Files.createDirectories(dir.resolve("roles/app/templates"));
        Files.createDirectories(dir.resolve("roles/app/files"));
        Files.writeString(dir.resolve("roles/app/files/key.pub"), "ssh-ed25519 AAAA\n");
        Files.writeString(role.resolve("banner.txt"), "hello\n");
        Path src = Files.writeString(
                role.resolve("app.j2"), "{{ lookup('file', 'key.pub') }}|{{ lookup('file', 'banner.txt') }}\n");
        Host host = new Host("a", List.of(), Map.of());

        Template op = prepared(
                host,
                Inventory.of("t", List.of(host)),
                h -> files.template(src.toString(), "/etc/x").arg("ansible", true));

        assertThat(rendered(op)).isEqualTo("ssh-ed25519 AAAA|hello\n");
    }
}
