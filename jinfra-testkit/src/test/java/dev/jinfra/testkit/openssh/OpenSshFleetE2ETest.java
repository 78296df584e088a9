package dev.jinfra.testkit.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts five real sshd and talks to each with the real OpenSSH client. Needs root and openssh-server. */
class OpenSshFleetE2ETest {

    @TempDir
    Path tmp;

    @Test
    void everyHostAnswersAsItselfAndCloseStopsEverySshd() throws Exception {
        String problem = OpenSshFleet.unavailableReason();
        assertThat(problem)
                .as("this test needs a machine that can run the fleet")
                .isNull();

        Path dir = tmp.resolve("fleet");
        OpenSshFleet fleet = OpenSshFleet.start(5, dir);
        List<Long> pids;
        try {
            assertThat(fleet.hosts()).extracting(Host::name).containsExactly("h1", "h2", "h3", "h4", "h5");
            assertThat(fleet.hosts())
                    .extracting(Host::address)
                    .doesNotHaveDuplicates()
                    .allMatch(a -> a.startsWith("127."));
            pids = fleet.pids();
            assertThat(pids).hasSize(5).allMatch(OpenSshFleet::isRunning);
            assertThat(fleet.inventoryFile()).isRegularFile();
            assertThat(fleet.clientKeyFile()).isRegularFile();
            assertThat(Files.readAllLines(fleet.knownHostsFile())).hasSize(5);
            assertThat(Files.readAllLines(fleet.hostsFile()))
                    .containsExactlyElementsOf(
                            fleet.hosts().stream().map(Host::address).toList());
            assertThat(Files.readString(fleet.ansibleInventoryFile())).contains("ansible_user=root");

            for (Host host : fleet.hosts()) {
                List<String> lines = ssh(fleet, host, "echo $FLEET_HOST; hostname");
                assertThat(lines)
                        .as("identity of %s at %s", host.name(), host.address())
                        .containsExactly(host.name(), host.name());
            }
        } finally {
            fleet.close();
        }
        assertThat(pids).noneMatch(OpenSshFleet::isRunning);
        assertThat(dir).doesNotExist();
        fleet.close(); // idempotent
    }

    private static List<String> ssh(OpenSshFleet fleet, Host host, String command)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(fleet.sshCommand(host, command))
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("ssh to %s finished", host.address())
                .isTrue();
        assertThat(p.exitValue())
                .as("ssh to %s exit status; output: %s", host.address(), out)
                .isZero();
        return out.lines().toList();
    }
}
