package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * An inventory given as a directory, compared with what Ansible reads from it: {@code ansible-dir/expected.yml} is
 * {@code ansible-inventory -i prod --list --yaml} and {@code expected-values.txt} each host's evaluated
 * {@code app_url} and {@code inventory_file} (ansible-core 2.14, made once; see MADE-WITH.txt there).
 */
class AnsibleInventoryDirTest {
    static final Path CASES = TestInventories.dir().resolve("ansible-dir");

    @TempDir
    Path dir;

    @Test
    void theFilesOfADirectoryMakeOneInventoryWithTheHostsAndVariablesAnsibleReads() throws Exception {
        Inventory inventory = InventoryLoader.load("prod", CASES);

        assertThat(writtenData(inventory)).isEqualTo(AnsibleVarsFilesTest.expected(CASES.resolve("expected.yml")));
    }

    @Test
    void theGroupsOfEveryFileAreOneInventorysGroups() throws Exception {
        Inventory inventory = InventoryLoader.load("prod/", CASES);

        Map<String, TreeSet<String>> groups = new TreeMap<>();
        inventory.groups().forEach((name, members) -> groups.put(name, new TreeSet<>(members)));
        assertThat(groups).isEqualTo(expectedGroups());
    }

    @Test
    void valuesAreEvaluatedWithTheFileEachHostWasFirstReadFrom() throws Exception {
        Inventory inventory = InventoryLoader.load("prod", CASES);

        for (String line : Files.readAllLines(CASES.resolve("expected-values.txt"))) {
            String[] parts = line.split(" ");
            Host host = inventory.host(parts[0]).orElseThrow();
            String file =
                    host.templateVariables().orElseThrow().get("inventory_file").toString();
            assertThat(host.data("app_url")).as(line).isEqualTo(unquoted(parts[1]));
            assertThat(CASES.relativize(Path.of(file)).toString()).as(line).isEqualTo(unquoted(parts[2]));
        }
    }

    @Test
    void aValueIsPlacedAtTheFileOfTheDirectoryItWasWrittenIn() {
        Inventory inventory = InventoryLoader.load("prod", CASES);

        assertThat(inventory.where("web3", HostKeys.SSH_PORT)).hasValue("prod/02-web.yml:7");
        assertThat(inventory.where("web2", "http_port")).hasValue("prod/host_vars/web2.yml:1");
        assertThat(inventory.where("cache1", "tier")).hasValue("prod/sub/10-more.yml:5");
    }

    @Test
    void aBrokenFileInTheDirectoryIsOneLineNamingThatFile() throws Exception {
        Files.createDirectories(dir.resolve("inv"));
        Files.writeString(dir.resolve("inv/01-hosts"), "[web]\nweb1\n");
        Files.writeString(dir.resolve("inv/02-more.yml"), "all:\n  hosts:\n    web2:\n  bad: [\n");

        assertThatThrownBy(() -> InventoryLoader.load("inv", dir))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("inv/02-more.yml:");
    }

    @Test
    void aDirectoryWithoutInventoryFilesIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("inv/group_vars"));
        Files.writeString(dir.resolve("inv/hosts.ini"), "[web]\nweb1\n");

        assertThatThrownBy(() -> InventoryLoader.load("inv", dir))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inv: an inventory directory without inventory files");
    }

    @Test
    void aChildGroupMayBeDefinedInAnotherFile() throws Exception {
        Files.createDirectories(dir.resolve("inv"));
        Files.writeString(dir.resolve("inv/a-groups"), "[prod:children]\nweb\n");
        Files.writeString(dir.resolve("inv/b-hosts"), "[web]\nweb1\n");

        Inventory inventory = InventoryLoader.load("inv", dir);

        assertThat(inventory.group("prod")).extracting(Host::name).containsExactly("web1");
    }

    private static String unquoted(String text) {
        return text.substring(1, text.length() - 1);
    }

    /** Each host's variables as written, under Ansible's names, as ansible-inventory prints them. */
    private static Map<String, Map<String, Object>> writtenData(Inventory inventory) {
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        for (Host host : inventory.hosts()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            TemplatedData.written(host.data())
                    .forEach((key, value) -> vars.put(
                            switch (key) {
                                case HostKeys.SSH_HOSTNAME -> "ansible_host";
                                case HostKeys.SSH_PORT -> "ansible_port";
                                default -> key;
                            },
                            value));
            data.put(host.name(), vars);
        }
        return data;
    }

    /** Group name to members in ansible-inventory's tree, nested groups' members included. */
    private static Map<String, TreeSet<String>> expectedGroups() throws Exception {
        Object tree = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(CASES.resolve("expected.yml")));
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        collect(((Map<?, ?>) ((Map<?, ?>) tree).get("all")).get("children"), groups);
        groups.remove("ungrouped");
        return groups;
    }

    private static TreeSet<String> collect(Object children, Map<String, TreeSet<String>> groups) {
        TreeSet<String> all = new TreeSet<>();
        if (children instanceof Map<?, ?> map) {
            map.forEach((name, body) -> {
                TreeSet<String> members = new TreeSet<>();
                if (body instanceof Map<?, ?> b) {
                    if (b.get("hosts") instanceof Map<?, ?> hosts) {
                        hosts.keySet().forEach(h -> members.add((String) h));
                    }
                    members.addAll(collect(b.get("children"), groups));
                }
                groups.merge((String) name, members, (x, y) -> {
                    x.addAll(y);
                    return x;
                });
                all.addAll(members);
            });
        }
        return all;
    }
}
