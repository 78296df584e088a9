package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host:port, bare IPv6 and [IPv6]:port in Ansible INI and YAML inventories. */
class AnsibleHostPortTest {
    @TempDir
    Path dir;

    @Test
    void iniReadsBareAndBracketedIpv6Addresses() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                [v6]
                2001:db8::5
                [2001:db8::6]:2222 ansible_user=ops
                ::1
                db.example.com:5432
                """);
        assertThat(inventory.hosts())
                .extracting(Host::name)
                .containsExactly("2001:db8::5", "2001:db8::6", "::1", "db.example.com");
        assertThat(inventory.host("2001:db8::5").orElseThrow().data()).doesNotContainKey("ssh_port");
        assertThat(inventory.host("2001:db8::6").orElseThrow().data())
                .containsEntry("ssh_port", 2222)
                .containsEntry("ssh_user", "ops");
        assertThat(inventory.host("db.example.com").orElseThrow().data()).containsEntry("ssh_port", 5432);
    }

    @Test
    void iniRefusesJunkAfterABracketedIpv6Address() {
        assertThatThrownBy(() -> TestInventories.written(dir, "hosts.ini", "[v6]\n[2001:db8::6]x\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("hosts.ini:2")
                .hasMessageContaining("unexpected 'x' after IPv6 address");
    }

    @Test
    void yamlHostKeysWithAPortAreSplitAndAnExplicitAnsiblePortWins() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.yaml", """
                all:
                  hosts:
                    db.example.com:5432:
                    cache.example.com:6000:
                      ansible_port: 6001
                    "[2001:db8::7]:2200":
                    2001:db8::8:
                    web[01:02]:
                """);
        assertThat(inventory.hosts())
                .extracting(Host::name)
                .containsExactly("db.example.com", "cache.example.com", "2001:db8::7", "2001:db8::8", "web01", "web02");
        assertThat(inventory.host("db.example.com").orElseThrow().data()).containsEntry("ssh_port", 5432);
        assertThat(inventory.host("cache.example.com").orElseThrow().data()).containsEntry("ssh_port", 6001);
        assertThat(inventory.host("2001:db8::7").orElseThrow().data()).containsEntry("ssh_port", 2200);
        assertThat(inventory.host("2001:db8::8").orElseThrow().data()).doesNotContainKey("ssh_port");
    }
}
