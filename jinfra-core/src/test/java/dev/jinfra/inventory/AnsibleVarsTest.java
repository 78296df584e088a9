package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
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
    void sshArgumentsGiveTheOptionsJinfraFollowsAndWarnOnceAboutTheRest() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                [web]
                web1
                web2 ansible_port=2022 ansible_ssh_extra_args="-o ServerAliveInterval=9"

                [web:vars]
                ansible_ssh_common_args='-o ProxyJump=jump@bastion:2222 -oStrictHostKeyChecking=no -o "UserKnownHostsFile /lab/known_hosts" -o ServerAliveInterval=5 -C'
                ansible_ssh_extra_args="-p 2200 -i '/keys/web key' -o ConnectTimeout=7 -o ConnectionAttempts=3"
                ansible_ssh_args="-o KexAlgorithms=curve25519-sha256 -o GlobalKnownHostsFile=/etc/lab_hosts -o HashKnownHosts=yes"
                """);

        assertThat(inventory.host("web1").orElseThrow().data())
                .containsEntry("ssh_proxy_jump", "jump@bastion:2222")
                .containsEntry("ssh_strict_host_key_checking", "no")
                .containsEntry("ssh_known_hosts_file", "/lab/known_hosts")
                .containsEntry("ssh_global_known_hosts_file", "/etc/lab_hosts")
                .containsEntry("ssh_hash_known_hosts", true)
                .containsEntry("ssh_kex_algorithms", "curve25519-sha256")
                .containsEntry("ssh_port", 2200)
                .containsEntry("ssh_key", "/keys/web key")
                .containsEntry("ssh_connect_timeout", 7)
                .containsEntry("ssh_connect_retries", 2)
                .doesNotContainKeys("ansible_ssh_common_args", "ansible_ssh_extra_args", "ansible_ssh_args");
        // ansible_port wins over -p, as in Ansible; the host's own extra args replace its group's.
        assertThat(inventory.host("web2").orElseThrow().data())
                .containsEntry("ssh_port", 2022)
                .containsEntry("ssh_strict_host_key_checking", "no")
                .doesNotContainKey("ssh_connect_timeout");
        // One warning per option left out, however many hosts and values carry it.
        assertThat(inventory.warnings())
                .containsExactly(
                        "hosts.ini:6: ansible_ssh_common_args: ignored '-o ServerAliveInterval=5' " + APPLIED,
                        "hosts.ini:6: ansible_ssh_common_args: ignored '-C' " + APPLIED);
    }

    static final String APPLIED = "(jinfra applies -J, -p, -l, -i and -o HostName, Port, User, IdentityFile, "
            + "ProxyJump, StrictHostKeyChecking, UserKnownHostsFile, GlobalKnownHostsFile, HashKnownHosts, "
            + "ConnectTimeout, ConnectionAttempts, KexAlgorithms)";

    @Test
    void everyKeyFileGivenIsOfferedInOrder() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                web1 ansible_ssh_common_args="-i /keys/a -o IdentityFile=/keys/b -i/keys/c"
                web2 ansible_ssh_private_key_file=/keys/own ansible_ssh_common_args="-i /keys/a -i /keys/b"
                """);

        assertThat(inventory.host("web1").orElseThrow().data())
                .containsEntry("ssh_key", List.of("/keys/a", "/keys/b", "/keys/c"));
        assertThat(inventory.host("web2").orElseThrow().data()).containsEntry("ssh_key", "/keys/own");
    }

    @Test
    void aProxyCommandIsRefusedAtItsLineAsInTheSshConfig() throws Exception {
        assertThatThrownBy(() -> TestInventories.written(dir, "hosts.ini", """
                        [web]
                        web1
                        [web:vars]
                        ansible_ssh_common_args='-o ProxyCommand="ssh -W %h:%p bastion"'
                        """))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("hosts.ini:4: ansible_ssh_common_args: '-o ProxyCommand=ssh -W %h:%p bastion' "
                        + "is not supported: jinfra cannot run a proxy command");
        // A ProxyJump that comes first wins in ssh, so the ProxyCommand after it does not count.
        Inventory inventory = TestInventories.written(dir, "hosts.ini", """
                web1 ansible_ssh_common_args='-J bastion -o ProxyCommand="ssh -W %h:%p other"'
                """);
        assertThat(inventory.host("web1").orElseThrow().data()).containsEntry("ssh_proxy_jump", "bastion");
    }

    @Test
    void hostDataWinsOverTheSshArguments() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.yaml", """
                all:
                  vars:
                    ansible_ssh_common_args: -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
                  hosts:
                    careful:
                      ssh_strict_host_key_checking: accept-new
                """);

        assertThat(inventory.host("careful").orElseThrow().data())
                .containsEntry("ssh_strict_host_key_checking", "accept-new")
                .containsEntry("ssh_known_hosts_file", "/dev/null");
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
