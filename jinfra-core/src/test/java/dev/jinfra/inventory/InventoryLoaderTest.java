package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryLoaderTest {

    private static List<String> names(Inventory inventory) {
        return inventory.hosts().stream().map(Host::name).toList();
    }

    @Test
    void readsJinfraYamlWithRangesListsAndNestedGroups() {
        Inventory inventory = TestInventories.load("jinfra.yaml");

        assertThat(inventory.source()).isEqualTo("jinfra.yaml");
        assertThat(names(inventory))
                .containsExactly(
                        "bastion.example.com",
                        "web-01.example.com",
                        "web-02.example.com",
                        "web-03.example.com",
                        "web-04.example.com",
                        "db-1.example.com",
                        "db-2.example.com");
        assertThat(inventory.groups())
                .containsExactly(
                        entry(
                                "web_servers",
                                List.of(
                                        "web-01.example.com",
                                        "web-02.example.com",
                                        "web-03.example.com",
                                        "web-04.example.com")),
                        entry("db_servers", List.of("db-1.example.com", "db-2.example.com")),
                        entry(
                                "production",
                                List.of(
                                        "web-01.example.com",
                                        "web-02.example.com",
                                        "web-03.example.com",
                                        "web-04.example.com",
                                        "db-1.example.com",
                                        "db-2.example.com")));
        assertThat(inventory.host("web-01.example.com").orElseThrow().groups())
                .containsExactly("web_servers", "production");
        assertThat(inventory.host("bastion.example.com").orElseThrow().groups()).isEmpty();
    }

    @Test
    void mergesJinfraDataByPrecedence() {
        Inventory inventory = TestInventories.load("jinfra.yaml");

        Host web4 = inventory.host("web-04.example.com").orElseThrow();
        assertThat(web4.data())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ssh_user",
                        "deploy",
                        "env",
                        "prod",
                        "mode",
                        "0777",
                        "answer",
                        "no",
                        "nginx_workers",
                        4,
                        "tier",
                        "edge",
                        "ssh_port",
                        2200));
        assertThat(inventory.host("db-1.example.com").orElseThrow().data()).containsEntry("tier", "db");
        assertThat(inventory.host("bastion.example.com").orElseThrow().data())
                .containsEntry("ssh_port", 2222)
                .containsEntry("env", "dev");
    }

    @Test
    void keepsYaml12StringsAsStrings() {
        Host bastion =
                TestInventories.load("jinfra.yaml").host("bastion.example.com").orElseThrow();
        assertThat(bastion.data().get("mode")).isEqualTo("0777");
        assertThat(bastion.data().get("answer")).isEqualTo("no");
    }

    @Test
    void readsJinfraYamlWithHostsAsAList() {
        Inventory inventory = TestInventories.load("jinfra-list.yml");

        assertThat(names(inventory)).containsExactly("app-1", "app-2");
        assertThat(inventory.host("app-2").orElseThrow().data()).containsExactly(entry("ssh_user", "root"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void makesNestedDataUnmodifiable() {
        Host web1 = TestInventories.load("nested-data.yaml").host("web1").orElseThrow();

        assertThat(web1.data().get("packages")).isEqualTo(List.of("nginx", "curl"));
        assertThatThrownBy(() -> ((Map<String, Object>) web1.data().get("limits")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsAnsibleYamlAndMapsConnectionVariables() {
        Inventory inventory = TestInventories.load("ansible.yaml");

        assertThat(names(inventory))
                .containsExactly(
                        "bastion.example.com",
                        "web01.example.com",
                        "web02.example.com",
                        "web03.example.com",
                        "web04.example.com",
                        "db1.example.com");
        assertThat(inventory.groups().get("production")).hasSize(5);
        Host web4 = inventory.host("web04.example.com").orElseThrow();
        assertThat(web4.data())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ssh_user",
                        "deploy",
                        "env",
                        "prod",
                        "http_port",
                        80,
                        "ssh_hostname",
                        "10.0.0.4",
                        "ssh_key",
                        "~/.ssh/web"));
        assertThat(web4.address()).isEqualTo("10.0.0.4");
        assertThat(web4.groups()).containsExactly("web", "production");
        Host db1 = inventory.host("db1.example.com").orElseThrow();
        assertThat(db1.data()).containsEntry("ssh_port", 5022).containsEntry("connector", "local");
        assertThat(db1.isLocal()).isTrue();
        assertThat(inventory.host("bastion.example.com").orElseThrow().data())
                .containsEntry("ssh_port", 2222)
                .containsEntry("env", "dev");
    }

    @Test
    void readsAnsibleYamlWithoutAnAllGroup() {
        Inventory inventory = TestInventories.load("ansible-no-all.yml");

        assertThat(inventory.groups()).containsOnlyKeys("web", "db");
        assertThat(inventory.host("db1.example.com").orElseThrow().data()).containsEntry("ssh_password", "secret");
    }

    @Test
    void readsAnsibleIni() {
        Inventory inventory = TestInventories.load("hosts.ini");

        assertThat(names(inventory))
                .containsExactly(
                        "bastion.example.com",
                        "web01.example.com",
                        "web02.example.com",
                        "web03.example.com",
                        "web04.example.com",
                        "db-web.example.com",
                        "db1.example.com");
        assertThat(inventory.groups().keySet()).containsExactly("web", "db", "production");
        assertThat(inventory.groups().get("production")).hasSize(6);

        Host web4 = inventory.host("web04.example.com").orElseThrow();
        assertThat(web4.data())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ssh_hostname",
                        "10.0.0.4",
                        "ssh_user",
                        "admin user",
                        "weight",
                        3,
                        "debug",
                        true,
                        "http_port",
                        "80",
                        "greeting",
                        "hello world",
                        "env",
                        "prod"));
        assertThat(inventory.host("db-web.example.com").orElseThrow().data()).containsEntry("ssh_port", 2200);
        assertThat(inventory.host("db1.example.com").orElseThrow().data())
                .containsEntry("connector", "local")
                .containsEntry("mode", "0777")
                .containsEntry("ssh_user", "deploy");
        assertThat(inventory.host("bastion.example.com").orElseThrow().data())
                .containsEntry("ssh_port", 2222)
                .containsEntry("env", "dev");
    }

    @Test
    void readsTargetsWithUsersPortsRangesAndIpv6() {
        Inventory inventory = InventoryLoader.load(
                "root@web-[1-2]:2222, db.example.com, [2001:db8::1]:2200, fe80::1, ops@10.0.0.5, @local",
                TestInventories.dir());

        assertThat(names(inventory))
                .containsExactly("web-1", "web-2", "db.example.com", "2001:db8::1", "fe80::1", "10.0.0.5", "@local");
        assertThat(inventory.host("web-2").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ssh_user", "root", "ssh_port", 2222));
        assertThat(inventory.host("db.example.com").orElseThrow().data()).isEmpty();
        assertThat(inventory.host("2001:db8::1").orElseThrow().data()).containsEntry("ssh_port", 2200);
        assertThat(inventory.host("fe80::1").orElseThrow().data()).isEmpty();
        assertThat(inventory.host("10.0.0.5").orElseThrow().data()).containsEntry("ssh_user", "ops");
        assertThat(inventory.host("@local").orElseThrow().isLocal()).isTrue();
        assertThat(inventory.source()).isEqualTo("command line");
        assertThat(inventory.groups()).isEmpty();
    }

    @Test
    void targetsThatDifferOnlyByPortOrUserAreHostsOfTheirOwnNamedAsWritten() {
        Inventory ports = InventoryLoader.load("127.0.0.1:2201,127.0.0.1:2202", TestInventories.dir());
        assertThat(names(ports)).containsExactly("127.0.0.1:2201", "127.0.0.1:2202");
        assertThat(ports.host("127.0.0.1:2202").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ssh_hostname", "127.0.0.1", "ssh_port", 2202));
        assertThat(ports.host("127.0.0.1:2202").orElseThrow().address()).isEqualTo("127.0.0.1");

        Inventory users = InventoryLoader.load("alice@h,bob@h,h,db", TestInventories.dir());
        assertThat(names(users)).containsExactly("alice@h", "bob@h", "h", "db");
        assertThat(users.host("bob@h").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ssh_hostname", "h", "ssh_user", "bob"));
        assertThat(users.host("h").orElseThrow().data()).containsExactly(entry("ssh_hostname", "h"));
        assertThat(users.host("db").orElseThrow().data()).isEmpty();
    }

    @Test
    void aTargetGivenTwiceIsOneHost() {
        Inventory inventory = InventoryLoader.load(
                "root@web-1:2222,web-[1-2],root@web-1:2222,web-2,@local,@local", TestInventories.dir());
        assertThat(names(inventory)).containsExactly("root@web-1:2222", "web-1", "web-2", "@local");
    }

    @Test
    void ipv6TargetsWithUsersAndPorts() {
        Inventory one = InventoryLoader.load("root@[::1]", TestInventories.dir());
        assertThat(names(one)).containsExactly("::1");
        assertThat(one.host("::1").orElseThrow().data()).containsExactly(entry("ssh_user", "root"));

        Inventory two = InventoryLoader.load("[::1]:2222,root@[::1]", TestInventories.dir());
        assertThat(names(two)).containsExactly("[::1]:2222", "root@[::1]");
        assertThat(two.host("[::1]:2222").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ssh_hostname", "::1", "ssh_port", 2222));
        assertThat(two.host("root@[::1]").orElseThrow().address()).isEqualTo("::1");
    }

    @Test
    void readsAnsibleStyleRangesAndCommaListsInTargets() {
        Inventory inventory = InventoryLoader.load("web[01:02],db-[1-3,7]", TestInventories.dir());
        assertThat(names(inventory)).containsExactly("web01", "web02", "db-1", "db-2", "db-3", "db-7");
    }

    @Test
    void appliesCommandLineDataOverEverything() {
        Inventory inventory = TestInventories.load("jinfra.yaml").withData(Map.of("ssh_port", "22", "env", "cli"));

        assertThat(inventory.hosts())
                .allSatisfy(host ->
                        assertThat(host.data()).containsEntry("ssh_port", 22).containsEntry("env", "cli"));
    }

    @Test
    void loadsAFileGivenAsAPath() {
        Inventory inventory = InventoryLoader.load(TestInventories.dir().resolve("hosts.ini"));
        assertThat(inventory.size()).isEqualTo(7);
    }
}
