package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Host data from inventories with {@code group_vars} and {@code host_vars}, compared with what Ansible itself
 * resolves: each case's {@code expected.yml} is the output of {@code ansible-inventory --list --yaml}
 * (ansible-core 2.14), made once and kept.
 */
class AnsibleVarsFilesTest {
    static final Path CASES = TestInventories.dir().resolve("ansible-vars");

    @TempDir
    Path dir;

    @Test
    void nestedGroupsPrioritiesAndVarsDirectoriesResolveAsAnsibleResolvesThem() throws Exception {
        // ansible-inventory -i nested/hosts.ini --list --yaml
        Inventory inventory = InventoryLoader.load("nested/hosts.ini", CASES);

        assertThat(hostData(inventory)).isEqualTo(expected(CASES.resolve("nested/expected.yml")));
    }

    @Test
    void aHostInSeveralBranchesTakesItsGroupsByDepthPriorityAndNameAsAnsibleDoes() throws Exception {
        // ansible-inventory -i diamond/hosts.yml --list --yaml
        Inventory inventory = InventoryLoader.load("diamond/hosts.yml", CASES);

        assertThat(hostData(inventory)).isEqualTo(expected(CASES.resolve("diamond/expected.yml")));
    }

    @Test
    void varsBesideTheDeployFilesWinOverThoseBesideTheInventoryAsBesideAPlaybook() throws Exception {
        // ansible-inventory -i beside-deploy/inv/hosts.yml --playbook-dir beside-deploy/deploy --list --yaml
        Inventory inventory = InventoryLoader.load(
                "inv/hosts.yml",
                CASES.resolve("beside-deploy"),
                new AnsibleContext(List.of(Path.of("deploy")), VaultPassword.NONE));

        assertThat(hostData(inventory)).isEqualTo(expected(CASES.resolve("beside-deploy/expected.yml")));
    }

    @Test
    void withoutDeployFilesOnlyTheVarsBesideTheInventoryApply() {
        Inventory inventory = InventoryLoader.load("inv/hosts.yml", CASES.resolve("beside-deploy"));

        assertThat(inventory.host("app1").orElseThrow().data())
                .containsEntry("greeting", "inventory-beside-all")
                .containsEntry("level", "inventory-beside-app")
                .containsEntry("size", "small");
    }

    @Test
    void aValueFromAVarsFileIsPlacedAtItsFileAndLine() {
        Inventory inventory = InventoryLoader.load("nested/hosts.ini", CASES);

        assertThat(inventory.where("db1", "db_role")).hasValue("nested/group_vars/db/20-override.yaml:1");
        assertThat(inventory.where("web1", "nginx_workers")).hasValue("nested/host_vars/web1.yml:1");
        assertThat(inventory.where("edge1", "tier")).hasValue("nested/hosts.ini:31");
        // line() keeps to the inventory file itself.
        assertThat(inventory.line("db1", "db_role")).isZero();
    }

    @Test
    void connectionVariablesInVarsFilesGetJinfrasNames() throws Exception {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), "ansible_user: deploy\nansible_port: 2222\n");
        Inventory inventory = TestInventories.written(dir, "hosts.ini", "web1\n");

        assertThat(inventory.host("web1").orElseThrow().data())
                .containsEntry(HostKeys.SSH_USER, "deploy")
                .containsEntry(HostKeys.SSH_PORT, 2222);
    }

    @Test
    void aVarsFileThatIsNotAMappingIsAnErrorAtItsFileAndLine() throws Exception {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/web.yml"), "# the workers\n- 4\n- 6\n");

        assertThatThrownBy(() -> TestInventories.written(dir, "hosts.ini", "[web]\nweb1\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("group_vars/web.yml:2: a vars file must be a mapping of variable names to values");
    }

    @Test
    void aYamlSyntaxErrorInAVarsFileNamesThatFile() throws Exception {
        Files.createDirectories(dir.resolve("host_vars"));
        Files.writeString(dir.resolve("host_vars/web1"), "a: 1\n  b: 2\n");

        assertThatThrownBy(() -> TestInventories.written(dir, "hosts.ini", "[web]\nweb1\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("host_vars/web1:2: YAML syntax error");
    }

    /** Each host's data, secrets revealed, as ansible-inventory prints host variables. */
    private static Map<String, Map<String, Object>> hostData(Inventory inventory) {
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        inventory.hosts().forEach(h -> data.put(h.name(), h.revealedData()));
        return data;
    }

    /**
     * The host variables in ansible-inventory's YAML tree: it prints a host's variables under the first group it
     * lists the host in, and an empty mapping elsewhere.
     */
    static Map<String, Map<String, Object>> expected(Path file) throws Exception {
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
        collect(((Map<?, ?>) tree).get("all"), hosts);
        return hosts;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object group, Map<String, Map<String, Object>> hosts) {
        if (!(group instanceof Map<?, ?> g)) {
            return;
        }
        if (g.get("hosts") instanceof Map<?, ?> members) {
            members.forEach((name, vars) -> {
                Map<String, Object> v = vars == null ? Map.of() : (Map<String, Object>) vars;
                hosts.merge((String) name, v, (a, b) -> a.size() >= b.size() ? a : b);
            });
        }
        if (g.get("children") instanceof Map<?, ?> children) {
            children.values().forEach(child -> collect(child, hosts));
        }
    }
}
