package dev.jinfra.ops.server;

import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleetExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * server.reboot on the in-process fleet, whose hosts can behave like rebooting machines (every session ends,
 * connections are refused for a while), and server.waitForPort against a port this test opens.
 */
class RebootAndWaitTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    private Thread watcher;

    @AfterEach
    void stopWatching() throws InterruptedException {
        if (watcher != null) {
            watcher.interrupt();
            watcher.join();
        }
        fleetExtension.fleet().clearFaults();
    }

    /** Each host's boot id, in the file the reboots below are told to read (relative: in the host's home). */
    private static final String BOOT_ID = "boot_id";

    @BeforeEach
    void firstBoot() throws Exception {
        for (FleetHost h : fleetExtension.fleet().hosts()) {
            Files.createDirectories(h.home());
            Files.writeString(h.home().resolve(BOOT_ID), "first-boot-of-" + h.name() + "\n");
        }
    }

    /** The "reboot command" leaves a file named after the host; the host then goes down for {@code down}. */
    private void rebootHostsThatAsk(Path markers, Duration down) {
        rebootHostsThatAsk(markers, Duration.ZERO, down);
    }

    /**
     * As above, but the host keeps taking logins on its old boot for {@code shuttingDown} first, as a host slow to
     * shut down does; its boot id changes as it goes down.
     */
    private void rebootHostsThatAsk(Path markers, Duration shuttingDown, Duration down) {
        Set<String> done = ConcurrentHashMap.newKeySet();
        watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (FleetHost h : fleetExtension.fleet().hosts()) {
                    if (Files.exists(markers.resolve(h.name())) && done.add(h.name())) {
                        Thread.ofVirtual().start(() -> {
                            try {
                                Thread.sleep(shuttingDown);
                                Files.writeString(h.home().resolve(BOOT_ID), "second-boot-of-" + h.name() + "\n");
                            } catch (Exception e) {
                                return;
                            }
                            h.reboot(down);
                        });
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private DeployResult run(Deploy deploy) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.defaults(),
                        new DeployListener() {});
    }

    private static List<OperationStatus> statuses(DeployResult r, String name) {
        return r.outcomes().stream()
                .filter(o -> o.name().equals(name))
                .map(OperationOutcome::status)
                .toList();
    }

    private static dev.jinfra.deploy.OperationCall reboot(int delay, int timeout, String command) {
        return PrepareContext.register(new Reboot(delay, timeout, command, BOOT_ID));
    }

    @Test
    void afterTheRebootTheNextOperationsRunOnANewConnection() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers"));
        rebootHostsThatAsk(markers, Duration.ofMillis(1500));
        fleetExtension.fleet().clearHistory();
        DeployResult r = run(host -> {
            server.shell("echo before").name("before");
            reboot(2, 20, "touch " + markers + "/$FLEET_HOST").name("reboot");
            server.shell("echo after").name("after");
        });
        assertThat(statuses(r, "reboot")).containsOnly(OperationStatus.CHANGED);
        assertThat(statuses(r, "after")).containsOnly(OperationStatus.CHANGED);
        for (FleetHost h : fleetExtension.fleet().hosts()) {
            assertThat(Files.exists(markers.resolve(h.name())))
                    .as("%s was asked to reboot", h.name())
                    .isTrue();
            assertThat(h.sessionsOpened())
                    .as("%s: one session before the reboot, one after", h.name())
                    .isEqualTo(2);
            // The run lock taken again once the host was back, then the last operation with the lock given back
            // in the same exchange.
            assertThat(h.commands().subList(0, h.commands().size() - 1))
                    .last()
                    .asString()
                    .contains("acquired");
            assertThat(h.commands()).last().asString().contains("echo after").contains("jinfra.lock");
        }
    }

    @Test
    void theRunLockIsTakenAgainAfterTheRebootEmptiedItsDirectory() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("locked"));
        rebootHostsThatAsk(markers, Duration.ofMillis(500));
        // Each in-process host keeps its lock in its own JINFRA_LOCK_DIR, which its reboot empties as a real
        // reboot empties /run/lock.
        DeployResult r = run(host -> {
            server.shell("test -d \"$JINFRA_LOCK_DIR/jinfra.lock\"").name("locked before");
            reboot(2, 20, "touch " + markers + "/$FLEET_HOST").name("reboot");
            server.shell("test -d \"$JINFRA_LOCK_DIR/jinfra.lock\"").name("locked after");
        });
        assertThat(statuses(r, "locked before")).containsOnly(OperationStatus.CHANGED);
        assertThat(statuses(r, "reboot")).containsOnly(OperationStatus.CHANGED);
        assertThat(statuses(r, "locked after")).as(r.toString()).containsOnly(OperationStatus.CHANGED);
        for (FleetHost h : fleetExtension.fleet().hosts()) {
            assertThat(h.home().resolve("jinfra.lock"))
                    .as("given back at the end")
                    .doesNotExist();
        }
    }

    @Test
    void aHostThatDoesNotComeBackInTimeFailsAndLeavesTheRun() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("slow"));
        rebootHostsThatAsk(markers, Duration.ofSeconds(30));
        DeployResult r = run(host -> {
            reboot(2, 2, "touch " + markers + "/$FLEET_HOST").name("reboot");
            server.shell("echo after").name("after");
        });
        assertThat(statuses(r, "reboot")).containsOnly(OperationStatus.FAILED);
        assertThat(r.outcomes().getFirst().reason()).startsWith("did not come back within 2 s");
        assertThat(statuses(r, "after")).containsOnly(OperationStatus.SKIPPED);
    }

    @Test
    void aHostSlowToShutDownIsNotTakenForBackWhileOnItsOldBoot() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("slow-shutdown"));
        // Logins still work when the first attempt is made (after delay, 2 s), on the boot from before.
        rebootHostsThatAsk(markers, Duration.ofMillis(3500), Duration.ofMillis(500));
        DeployResult r = run(host -> {
            reboot(2, 20, "touch " + markers + "/$FLEET_HOST").name("reboot");
            server.shell("cat " + BOOT_ID).name("after");
        });
        assertThat(statuses(r, "reboot")).containsOnly(OperationStatus.CHANGED);
        for (OperationOutcome o :
                r.outcomes().stream().filter(o -> o.name().equals("after")).toList()) {
            assertThat(o.stdout())
                    .as("the operation after the reboot runs on the new boot")
                    .startsWith("second-boot-of-");
        }
    }

    @Test
    void aHostThatTakesLoginsButNeverRebootsFails() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("never"));
        DeployResult r = run(host -> {
            reboot(2, 2, "touch " + markers + "/$FLEET_HOST").name("reboot");
            server.shell("echo after").name("after");
        });
        assertThat(statuses(r, "reboot")).containsOnly(OperationStatus.FAILED);
        assertThat(r.outcomes().getFirst().reason())
                .startsWith("did not reboot within 2 s")
                .contains("boot_id reads as before the reboot");
        assertThat(statuses(r, "after")).containsOnly(OperationStatus.SKIPPED);
    }

    @Test
    void waitForPortWaitsUntilSomethingListens() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int listening = probe.getLocalPort();
            assertThat(statuses(run(host -> server.waitForPort(listening).name("wait")), "wait"))
                    .containsOnly(OperationStatus.UNCHANGED);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // Something starts listening once every host's wait has started (after the facts were read, also again
        // under the run lock): the operation waits for it.
        fleetExtension.fleet().clearHistory();
        String polling = "(set -- " + port + " 10;";
        Thread opener = Thread.ofVirtual().start(() -> {
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!fleetExtension.fleet().hosts().stream()
                                .allMatch(h -> h.commands().stream().anyMatch(c -> c.contains(polling)))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                try (ServerSocket later = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                    Thread.sleep(4000);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            DeployResult r = run(host -> server.waitForPort(port, 10).name("wait"));
            assertThat(statuses(r, "wait")).containsOnly(OperationStatus.CHANGED);
        } finally {
            opener.join();
        }
        DeployResult none = run(host -> server.waitForPort(port, 1).name("wait"));
        assertThat(statuses(none, "wait")).containsOnly(OperationStatus.FAILED);
        assertThat(none.outcomes().getFirst().reason()).startsWith("exit 1");
    }
}
