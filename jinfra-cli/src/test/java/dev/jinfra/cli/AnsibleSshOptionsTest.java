package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Ansible inventory of a lab fleet whose host keys are known only through the {@code -o} options in
 * {@code ansible_ssh_common_args}: the in-process hosts serve a key generated for this fleet alone, so no
 * known_hosts file of the machine lists it.
 */
class AnsibleSshOptionsTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @TempDir
    Path cwd;

    @BeforeEach
    void emptySshConfig() throws Exception {
        // The machine's ~/.ssh/config must not decide these tests.
        Files.writeString(cwd.resolve("ssh_config"), "");
    }

    /** The fleet as an Ansible INI inventory, with {@code args} as the group's ansible_ssh_common_args. */
    String inventory(String args) throws Exception {
        SshFleet fleet = fleetExtension.fleet();
        StringBuilder ini = new StringBuilder("[lab]\n");
        for (FleetHost host : fleet.hosts()) {
            ini.append(host.name())
                    .append(" ansible_host=")
                    .append(host.address())
                    .append(" ansible_port=")
                    .append(host.port())
                    .append('\n');
        }
        ini.append("\n[lab:vars]\n")
                .append("ansible_user=")
                .append(fleet.user())
                .append('\n')
                .append("ansible_ssh_private_key_file=")
                .append(fleet.clientKeyFile())
                .append('\n')
                .append("ansible_ssh_common_args='")
                .append(args)
                .append("'\n");
        Files.writeString(cwd.resolve("hosts.ini"), ini);
        return "hosts.ini";
    }

    CliRun exec(String inventory) {
        return CliRun.run(cwd, inventory, "exec", "--ssh-config", "ssh_config", "--", "echo ran");
    }

    @Test
    void hostsKnownOnlyThroughUserKnownHostsFileInTheSshArgumentsAreReached() throws Exception {
        Path knownHosts = fleetExtension.fleet().knownHostsFile();
        CliRun r = exec(inventory("-o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 of 2 hosts succeeded");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void withoutThatOptionTheSameHostsAreRefusedForTheirUnknownKeys() throws Exception {
        CliRun r = exec(inventory("-o StrictHostKeyChecking=yes"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
    }

    @Test
    void aLabFleetWithoutHostKeyChecksIsReachedAndOtherOptionsAreOneWarningForTheRun() throws Exception {
        CliRun r = exec(
                inventory(
                        "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ServerAliveInterval=5 -o ControlMaster=auto"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 of 2 hosts succeeded");
        // Two hosts carry each option left out; each is said once.
        assertThat(r.err().lines().filter(l -> l.startsWith("jinfra: warning: ")))
                .containsExactly(
                        "jinfra: warning: hosts.ini:8: ansible_ssh_common_args: ignored '-o ServerAliveInterval=5' "
                                + AnsibleInventoryTest.APPLIED,
                        "jinfra: warning: hosts.ini:8: ansible_ssh_common_args: ignored '-o ControlMaster=auto' "
                                + AnsibleInventoryTest.APPLIED);
    }
}
