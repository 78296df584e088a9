package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An Ansible project as it is: its ansible.cfg names the inventory, the login user and the key. */
class AnsibleProjectTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @TempDir
    Path cwd;

    /** The fleet as an INI inventory that says nothing of users or keys: ansible.cfg does. */
    void project(String extraDefaults) throws Exception {
        SshFleet fleet = fleetExtension.fleet();
        StringBuilder ini = new StringBuilder("[web]\n");
        for (FleetHost host : fleet.hosts()) {
            ini.append(host.name())
                    .append(" ansible_host=")
                    .append(host.address())
                    .append(" ansible_port=")
                    .append(host.port())
                    .append('\n');
        }
        ini.append("\n[all:vars]\nansible_ssh_common_args='-o UserKnownHostsFile=")
                .append(fleet.knownHostsFile())
                .append("'\n");
        Files.createDirectories(cwd.resolve("inventories"));
        Files.writeString(cwd.resolve("inventories/lab.ini"), ini);
        Files.createDirectories(cwd.resolve("keys"));
        Files.copy(fleet.clientKeyFile(), cwd.resolve("keys/lab_key"));
        Files.writeString(cwd.resolve("ssh_config"), "");
        Files.writeString(cwd.resolve("ansible.cfg"), """
                [defaults]
                inventory = inventories/lab.ini
                remote_user = %s
                private_key_file = keys/lab_key
                %s
                """.formatted(fleet.user(), extraDefaults));
    }

    @Test
    void execWithoutAnInventoryRunsOnTheOneAnsibleCfgNamesAsItsUserWithItsKey() throws Exception {
        project("forks = 2");
        CliRun r = CliRun.run(cwd, "exec", "--ssh-config", "ssh_config", "--", "echo ran");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("── web-[001-003] (3 hosts) ── exit 0\nran\n");
    }

    @Test
    void theInventorysOwnUserBeatsRemoteUserAndTheCommandLineBeatsBoth() throws Exception {
        project("");
        Files.writeString(
                cwd.resolve("inventories/lab.ini"),
                Files.readString(cwd.resolve("inventories/lab.ini")) + "ansible_user=nobody-here\n");
        CliRun inventoryWins = CliRun.run(cwd, "exec", "--ssh-config", "ssh_config", "--", "true");
        assertThat(inventoryWins.exitCode()).as(inventoryWins.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(inventoryWins.out()).contains("authentication failed for user nobody-here");

        CliRun cliWins = CliRun.run(
                cwd,
                "exec",
                "--ssh-config",
                "ssh_config",
                "-u",
                fleetExtension.fleet().user(),
                "--",
                "true");
        assertThat(cliWins.exitCode()).as(cliWins.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aBadSettingStopsTheRunBeforeAnyHostWithTheFileAndLine() throws Exception {
        project("timeout = soon");
        CliRun r = CliRun.run(cwd, "exec", "--ssh-config", "ssh_config", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: " + cwd.resolve("ansible.cfg") + ":5: timeout must be a whole number "
                        + "from 1, not 'soon'\n");
        assertThat(fleetExtension.fleet().hosts())
                .allSatisfy(h -> assertThat(h.sessionsOpened()).isZero());
    }
}
