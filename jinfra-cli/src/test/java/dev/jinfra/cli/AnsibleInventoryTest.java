package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleInventoryTest {
    /** The end of the warning about an ssh option jinfra leaves out. */
    static final String APPLIED = "(jinfra applies -J, -p, -l, -i and -o HostName, Port, User, IdentityFile, "
            + "ProxyJump, StrictHostKeyChecking, UserKnownHostsFile, GlobalKnownHostsFile, HashKnownHosts, "
            + "ConnectTimeout, ConnectionAttempts, KexAlgorithms)";

    @TempDir
    Path cwd;

    @Test
    void sshOptionsJinfraDoesNotReadAreOneWarningForTheWholeInventory() throws Exception {
        Files.writeString(cwd.resolve("hosts.ini"), """
                [here]
                one ansible_connection=local
                two ansible_connection=local

                [here:vars]
                ansible_ssh_common_args='-o ProxyJump=bastion -o ServerAliveInterval=5'
                """);
        CliRun r = CliRun.run(cwd, "hosts.ini", "exec", "--", "echo ran");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 of 2 hosts succeeded");
        assertThat(r.err()
                        .lines()
                        .filter(l -> l.startsWith("jinfra: warning: "))
                        .toList())
                .containsExactly(
                        "jinfra: warning: hosts.ini:6: ansible_ssh_common_args: ignored '-o ServerAliveInterval=5' "
                                + APPLIED);
    }
}
