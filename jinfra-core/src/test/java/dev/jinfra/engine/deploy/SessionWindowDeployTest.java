package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.connect.ConnectionPolicy;
import dev.jinfra.connect.SshConnector;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.engine.RunPolicy;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.CountingConnector;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deploys on more hosts than sessions may be open at once: each host's session is opened when its work starts
 * and given back when it is done, so the run completes within the window instead of waiting forever.
 */
class SessionWindowDeployTest {
    static final int HOSTS = 1000;
    static final int WINDOW = 64;

    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(HOSTS);

    @TempDir
    Path dir;

    List<Host> hosts() {
        return FleetHosts.all(fleetExtension.fleet(), Map.of());
    }

    Deploy twoOperations() {
        return host -> {
            files.directory(dir.resolve(host.name()).toString()).name("dir");
            server.shell("echo done").name("shell");
        };
    }

    @ParameterizedTest
    @EnumSource(DeployRunner.Strategy.class)
    void aDeployOnAThousandHostsCompletesWithinAWindowOfSixtyFourSessions(DeployRunner.Strategy strategy) {
        var waitedMost = new AtomicInteger();
        // The connector allows 64 sessions, as an open-file limit of 320 would: the window keeps to that.
        try (var ssh = new CountingConnector(
                SshConnector.builder().policy(new ConnectionPolicy(64, WINDOW)).build())) {
            var options = DeployRunner.Options.builder().strategy(strategy).build();
            DeployResult r = new DeployRunner(h -> ssh)
                    .run(hosts(), List.of(twoOperations()), options, new DeployListener() {
                        @Override
                        public void sessionsWaiting(int n) {
                            waitedMost.accumulateAndGet(n, Math::max);
                        }
                    });
            assertThat(r.hostStates().values()).as(r.describe()).containsOnly(DeployHostState.CHANGED);
            assertThat(r.outcomes())
                    .hasSize(2 * HOSTS)
                    .allSatisfy(o -> assertThat(o.status()).isEqualTo(OperationStatus.CHANGED));
            assertThat(ssh.mostOpenAtOnce()).isLessThanOrEqualTo(WINDOW);
            assertThat(ssh.openNow()).isZero();
            assertThat(dir.resolve(hosts().getLast().name())).isDirectory();
        }
    }

    @Test
    void thePolicysWindowHoldsAlsoWhenTheConnectorAllowsMore() {
        var waitedMost = new AtomicInteger();
        List<Host> some = hosts().subList(0, 40);
        try (var ssh = new CountingConnector(SshConnector.builder().build())) {
            var options = DeployRunner.Options.builder()
                    .policy(RunPolicy.builder().sessionWindow(4).build())
                    .build();
            DeployResult r = new DeployRunner(h -> ssh)
                    .run(some, List.of(twoOperations()), options, new DeployListener() {
                        @Override
                        public void sessionsWaiting(int n) {
                            waitedMost.accumulateAndGet(n, Math::max);
                        }
                    });
            assertThat(r.hostStates().values()).as(r.describe()).containsOnly(DeployHostState.CHANGED);
            assertThat(ssh.mostOpenAtOnce()).isLessThanOrEqualTo(4);
            // Every other operation starts on the hosts whose sessions are still open: not every host reconnects.
            assertThat(ssh.opened()).isLessThan(40 * 3);
        }
    }
}
