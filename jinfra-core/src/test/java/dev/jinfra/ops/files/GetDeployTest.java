package dev.jinfra.ops.files;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** files.get over real SSH sessions (SFTP) of the in-process fleet: copied once, then left alone. */
class GetDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    private DeployResult run() {
        // In-process hosts share this machine's files: each host's source has its name in it.
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(host -> files.get(
                                        dir.resolve("remote-" + host.name()).toString(),
                                        dir.resolve("copies/" + host.name() + "/state")
                                                .toString())
                                .name("get")),
                        DeployRunner.Options.defaults(),
                        new DeployListener() {});
    }

    @Test
    void eachHostsFileIsCopiedOnceAndThenLeftAlone() throws Exception {
        for (String name : fleetExtension.fleet().hostNames()) {
            Files.writeString(dir.resolve("remote-" + name), "state of " + name + "\n");
        }
        DeployResult first = run();
        assertThat(first.outcomes()).extracting(OperationOutcome::status).containsOnly(OperationStatus.CHANGED);
        for (String name : fleetExtension.fleet().hostNames()) {
            assertThat(dir.resolve("copies/" + name + "/state")).hasContent("state of " + name);
        }
        assertThat(run().outcomes()).extracting(OperationOutcome::status).containsOnly(OperationStatus.UNCHANGED);

        String changed = fleetExtension.fleet().hostNames().getFirst();
        Files.writeString(dir.resolve("remote-" + changed), "new state\n");
        DeployResult third = run();
        assertThat(third.outcomes())
                .extracting(OperationOutcome::status)
                .containsExactly(OperationStatus.CHANGED, OperationStatus.UNCHANGED, OperationStatus.UNCHANGED);
        assertThat(dir.resolve("copies/" + changed + "/state")).hasContent("new state");
        try (var left = Files.list(dir.resolve("copies/" + changed))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary files left")
                    .containsExactly("state");
        }
    }
}
