package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ansible variables that only mean something together, read once a host's data is merged. */
class AnsibleVarsTest {
    @TempDir
    Path dir;

    @Test
    void becomeIsSudoWithTheUserAndPasswordFromAnyLevel() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.yaml", """
                all:
                  children:
                    db:
                      vars:
                        ansible_become_user: postgres
                        ansible_become_pass: s3cret
                      hosts:
                        db1:
                          ansible_become: true
                        db2:
                """);

        assertThat(inventory.host("db1").orElseThrow().data())
                .containsEntry("sudo", true)
                .containsEntry("sudo_user", "postgres")
                .containsEntry("sudo_password", "s3cret")
                .doesNotContainKeys("ansible_become", "ansible_become_user", "ansible_become_pass");
        // Without become, a become user alone must not turn sudo on (jinfra's sudo_user would).
        assertThat(inventory.host("db2").orElseThrow().data()).doesNotContainKeys("sudo", "sudo_user", "sudo_password");
    }

    @Test
    void becomeMethodsSuAndDoasBecomeTheirUsers() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                [su_hosts]
                app1 ansible_become=yes ansible_become_method=su ansible_become_user=app
                [doas_hosts]
                bsd1 ansible_become=True ansible_become_method=doas
                [plain]
                web1 ansible_become=no ansible_become_password=x
                """);

        assertThat(inventory.host("app1").orElseThrow().data())
                .containsEntry("su_user", "app")
                .doesNotContainKey("sudo");
        assertThat(inventory.host("bsd1").orElseThrow().data()).containsEntry("doas_user", "root");
        assertThat(inventory.host("web1").orElseThrow().data())
                .doesNotContainKeys("sudo", "sudo_password", "ansible_become", "ansible_become_password");
    }

    @Test
    void aBecomeMethodJinfraDoesNotHaveIsAnErrorAtItsLine() throws Exception {
        assertThatThrownBy(() -> TestInventories.written(dir, "hosts.ini", """
                [web]
                web1 ansible_become=true

                [web:vars]
                ansible_become_method=pbrun
                """))
                .isInstanceOf(InventoryException.class)
                .hasMessage(
                        "hosts.ini:5: host web1: ansible_become_method 'pbrun' is not supported (sudo, su or doas)");
    }

    @Test
    void sshArgumentsGiveProxyJumpAndPortAndWarnOnceAboutTheRest() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                [web]
                web1
                web2 ansible_port=2022

                [web:vars]
                ansible_ssh_common_args='-o ProxyJump=jump@bastion:2222 -o StrictHostKeyChecking=no'
                ansible_ssh_extra_args="-p 2200 -i '/keys/web key'"
                """);

        assertThat(inventory.host("web1").orElseThrow().data())
                .containsEntry("ssh_proxy_jump", "jump@bastion:2222")
                .containsEntry("ssh_port", 2200)
                .containsEntry("ssh_key", "/keys/web key")
                .doesNotContainKeys("ansible_ssh_common_args", "ansible_ssh_extra_args");
        // ansible_port wins over -p, as in Ansible.
        assertThat(inventory.host("web2").orElseThrow().data()).containsEntry("ssh_port", 2022);
        assertThat(inventory.warnings())
                .containsExactly(
                        "hosts.ini:6: ansible_ssh_common_args: ignored "
                                + "'-o StrictHostKeyChecking=no' (jinfra reads -J, -p, -l, -i and -o ProxyJump, Port, User, IdentityFile there)");
    }

    @Test
    void aHostsOwnSshArgumentsReplaceItsGroupsAsAWhole() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.yaml", """
                all:
                  vars:
                    ansible_ssh_common_args: -J bastion
                  hosts:
                    inside:
                      ansible_ssh_common_args: -o ServerAliveInterval=5
                    outside:
                """);

        assertThat(inventory.host("outside").orElseThrow().data()).containsEntry("ssh_proxy_jump", "bastion");
        assertThat(inventory.host("inside").orElseThrow().data()).doesNotContainKey("ssh_proxy_jump");
        assertThat(inventory.warnings())
                .singleElement()
                .asString()
                .startsWith("hosts.yaml:6: ansible_ssh_common_args: ignored " + "'-o ServerAliveInterval=5'");
    }

    @Test
    void splitsArgumentsAsAShellDoes() {
        assertThat(AnsibleVars.words(" -o 'ProxyCommand=ssh -W %h:%p b' -p\"22\" a\\ b \"x\\\"y\" ''"))
                .containsExactly("-o", "ProxyCommand=ssh -W %h:%p b", "-p22", "a b", "x\"y", "");
    }
}
