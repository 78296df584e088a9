package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ansible inventories merge group variables in Ansible's order: depth, ansible_group_priority, name. */
class AnsibleGroupOrderTest {
    @TempDir
    Path dir;

    @Test
    void amongSiblingGroupsTheAlphabeticallyLaterWinsWhateverTheFileOrder() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                [zeta]
                web1
                [alpha]
                web1
                [alpha:vars]
                ansible_user=from_alpha
                [zeta:vars]
                ansible_user=from_zeta
                """);
        assertThat(inventory.host("web1").orElseThrow().data()).containsEntry("ssh_user", "from_zeta");
    }

    @Test
    void aDeeperGroupWinsOverAShallowerOneEvenIfUnrelated() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.yaml", """
                all:
                  children:
                    region:
                      children:
                        aaa_web:
                          vars: { ansible_user: deep }
                          hosts: { web1: }
                    zzz_top:
                      vars: { ansible_user: shallow }
                      hosts: { web1: }
                """);
        assertThat(inventory.host("web1").orElseThrow().data()).containsEntry("ssh_user", "deep");
    }

    @Test
    void ansibleGroupPriorityOrdersGroupsOfTheSameDepthAndIsNotAVariable() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                [alpha]
                web1
                [zeta]
                web1
                [alpha:vars]
                ansible_user=from_alpha
                ansible_group_priority=10
                [zeta:vars]
                ansible_user=from_zeta
                """);
        var data = inventory.host("web1").orElseThrow().data();
        assertThat(data).containsEntry("ssh_user", "from_alpha").doesNotContainKey("ansible_group_priority");
    }

    @Test
    void aPriorityThatIsNotAWholeNumberNamesItsLine() throws Exception {
        assertThatThrownBy(() -> TestInventories.written(dir, "hosts.yaml", """
                all:
                  children:
                    web:
                      vars:
                        ansible_group_priority: high
                      hosts: { web1: }
                """))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("hosts.yaml:5")
                .hasMessageContaining("ansible_group_priority must be a whole number, not 'high'");
    }
}
