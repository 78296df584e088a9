package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.Settings;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose commands hang does not hold a deploy: the command time limit bounds the reads of its facts too,
 * which come before any operation's command (they once waited forever, and with them the whole run).
 */
class HungHostDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHostWhoseCommandsHangFailsWithinTheTimeLimitAndTheOthersFinish() {
        fleetExtension.host("web-002").fault(Fault.HANG_COMMAND);
        Deploy deploy = host -> {
            files.directory(dir.resolve(host.name()).toString());
            files.directory(dir.resolve(host.name()).resolve("sub").toString());
        };
        long start = System.nanoTime();
        DeployResult result = new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.builder()
                                .commandLine(Settings.NONE.timeout(Duration.ofSeconds(1)))
                                .build(),
                        new DeployListener() {});
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.hostStates())
                .as(result.hostErrors().toString())
                .containsEntry("web-001", DeployHostState.CHANGED)
                .containsEntry("web-002", DeployHostState.FAILED)
                .containsEntry("web-003", DeployHostState.CHANGED);
        // Failed once, at the first read, not once per operation that reads the host.
        assertThat(result.hostErrors()).containsEntry("web-002", "reading facts timed out after 1s");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(dir.resolve("web-002")).doesNotExist();
        assertThat(dir.resolve("web-001/sub")).isDirectory();
    }
}
