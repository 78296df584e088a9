package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy that changes the system for real (a group, a user, a file under /etc) on real OpenSSH hosts whose
 * /etc, /home, /var and /usr are per-host overlays: the hosts change, the machine running the test does not.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(overlay = true)
class SystemDeployOpenSshE2ETest {
    private static final String GROUP = "jinfra-e2e";
    private static final String USER = "jinfra-e2e-user";
    private static final String CONF = "/etc/jinfra-e2e.conf";

    @TempDir
    Path cwd;

    /**
     * Refuses to deploy unless every host really sees overlays and this machine has none of the deploy's
     * traces yet: otherwise the deploy would add a user to the machine itself, or the final "machine is
     * untouched" checks would prove nothing.
     */
    @BeforeAll
    static void hostsAreContained(OpenSshFleet fleet) throws Exception {
        assertThat(fleet.overlay()).as("the fleet runs with overlays").isTrue();
        for (var host : fleet.hosts()) {
            ProcessRun fs = ProcessRun.ssh(fleet, host, "stat -f -c %T /etc /home /var /usr");
            assertThat(fs.exitCode()).as(fs.toString()).isZero();
            assertThat(fs.out().lines().toList())
                    .as(
                            "filesystem types of /etc /home /var /usr on %s: a deploy there must not reach this machine",
                            host.name())
                    .containsExactly("overlayfs", "overlayfs", "overlayfs", "overlayfs");
        }
        assertThat(getent("passwd", USER))
                .as("user %s already exists on this machine", USER)
                .isNotZero();
        assertThat(getent("group", GROUP))
                .as("group %s already exists on this machine", GROUP)
                .isNotZero();
        assertThat(Path.of(CONF)).as("%s already exists on this machine", CONF).doesNotExist();
    }

    @Test
    void usersAndEtcFilesChangeOnTheHostsOnly(OpenSshFleet fleet) throws Exception {
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    server.group("%1$s").name("Group");
                    server.user("%2$s").group("%1$s").groups().name("User");
                    // files.line needs the file to exist; owned by the group made above.
                    files.file("%3$s", "640").owner("root").group("%1$s").name("Config file");
                    files.line("%3$s", "host = " + host.name()).name("Host line");
                    files.block("%3$s", "[users]\\n%2$s").name("Users block");
                }
                """.formatted(GROUP, USER, CONF));
        int n = fleet.hosts().size();
        String inventory = fleet.inventoryFile().toString();

        CliRun first = CliRun.run(cwd, inventory, "deploy.java", "--yes");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out())
                .as(first.toString())
                .contains(n + " of " + n + " hosts succeeded: " + n + " changed, 0 unchanged");

        CliRun second = CliRun.run(cwd, inventory, "deploy.java", "--yes");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out())
                .as(second.toString())
                .contains(n + " of " + n + " hosts succeeded: 0 changed, " + n + " unchanged");

        // The real OpenSSH client, not jinfra, looks at the result on the first and the last host.
        for (var host : List.of(fleet.hosts().getFirst(), fleet.hosts().getLast())) {
            ProcessRun id = ProcessRun.ssh(fleet, host, "id " + USER);
            assertThat(id.exitCode()).as(id.toString()).isZero();
            assertThat(id.out()).contains("(" + USER + ")").contains("gid=").contains("(" + GROUP + ")");
            ProcessRun conf = ProcessRun.ssh(fleet, host, "stat -c '%a %U %G' " + CONF + " && cat " + CONF);
            assertThat(conf.exitCode()).as(conf.toString()).isZero();
            assertThat(conf.out())
                    .startsWith("640 root " + GROUP + "\n")
                    .contains("host = " + host.name() + "\n")
                    .contains("[users]\n" + USER + "\n");
            // What changed is recorded in the host's own upper layer, below the fleet directory.
            assertThat(fleet.overlayDir(host).resolve("upper/etc/passwd"))
                    .content()
                    .contains(USER + ":");
        }

        // The machine running the fleet is untouched.
        assertThat(getent("passwd", USER))
                .as("getent passwd %s on this machine", USER)
                .isEqualTo(2);
        assertThat(getent("group", GROUP))
                .as("getent group %s on this machine", GROUP)
                .isEqualTo(2);
        assertThat(Path.of(CONF)).as("%s on this machine", CONF).doesNotExist();
    }

    /** getent's exit code: 0 found, 2 not found. */
    private static int getent(String database, String key) throws Exception {
        return ProcessRun.of(List.of("getent", database, key)).exitCode();
    }
}
