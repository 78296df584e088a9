package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.inventory.Host;
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

/** Facts about paths a change did not touch stay known; facts it may have made untrue are read again. */
class ChangeScopeDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    DeployResult run(Deploy deploy) {
        List<Host> hosts = FleetHosts.all(fleetExtension.fleet(), Map.of());
        return new DeployRunner(h -> sshExtension.connector())
                .run(hosts, List.of(deploy), DeployRunner.Options.builder().build(), new DeployListener() {});
    }

    Path home(Host host) {
        return dir.resolve(host.name());
    }

    @Test
    void changesToSeparateFilesCostOneRoundTripEachAfterOneRead() throws Exception {
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.createDirectories(dir.resolve(h));
            for (String name : List.of("a", "b", "c", "d", "e")) {
                Files.writeString(dir.resolve(h).resolve(name + ".conf"), "");
            }
        }
        DeployResult first = run(host -> {
            for (String name : List.of("a", "b", "c", "d", "e")) {
                files.line(home(host).resolve(name + ".conf").toString(), "key=" + name);
            }
        });
        assertThat(first.hostStates().values())
                .as(first.hostErrors().toString())
                .containsOnly(DeployHostState.CHANGED);
        // One combined read of every operation's facts, the run lock taken before the first change with the facts
        // read again under it in the same exchange (another run may have changed the host in between), then one
        // exchange per change, the last with the lock given back: no fact was read again after a change, because
        // no change touched a path another operation reads.
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(first.roundTrips().get(h)).isEqualTo(1 + 1 + 5);
            assertThat(Files.readString(dir.resolve(h).resolve("c.conf"))).isEqualTo("key=c\n");
        }
    }

    @Test
    void anUploadAndItsInstallAreOneRoundTrip() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "workers=4\n");
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.createDirectories(dir.resolve(h));
        }
        DeployResult first = run(host -> {
            for (String name : List.of("a", "b", "c")) {
                files.put(src.toString(), home(host).resolve(name + ".conf").toString());
            }
        });
        assertThat(first.hostStates().values())
                .as(first.hostErrors().toString())
                .containsOnly(DeployHostState.CHANGED);
        // The read, the lock with the read under it, one exchange per upload with its install (the last also gives
        // the lock back). Sent apart, each upload would be an SFTP session and then a command: two.
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(first.roundTrips().get(h)).isEqualTo(1 + 1 + 3);
            for (String name : List.of("a", "b", "c")) {
                assertThat(Files.readString(dir.resolve(h).resolve(name + ".conf")))
                        .isEqualTo("workers=4\n");
            }
        }
    }

    @Test
    void aChangeMadeThroughALinkIsSeenThroughItsTarget() throws Exception {
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.createDirectories(dir.resolve(h).resolve("real"));
            Files.writeString(dir.resolve(h).resolve("real/app.conf"), "");
            Files.createSymbolicLink(
                    dir.resolve(h).resolve("link"), dir.resolve(h).resolve("real"));
        }
        DeployResult r = run(host -> {
            files.line(home(host).resolve("link/app.conf").toString(), "port=80");
            // The same file by its other name: the line is there now, so nothing may be added.
            files.line(home(host).resolve("real/app.conf").toString(), "port=80");
        });
        assertThat(r.outcomes())
                .as(r.hostErrors().toString())
                .extracting(OperationOutcome::status)
                .containsExactly(
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED,
                        OperationStatus.UNCHANGED,
                        OperationStatus.UNCHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(dir.resolve(h).resolve("real/app.conf")))
                    .isEqualTo("port=80\n");
        }
    }

    @Test
    void aLinkPointedElsewhereForgetsWhatWasReadThroughIt() throws Exception {
        for (String h : fleetExtension.fleet().hostNames()) {
            Path home = Files.createDirectories(dir.resolve(h));
            Files.createDirectories(home.resolve("one"));
            Files.createDirectories(home.resolve("two"));
            Files.writeString(home.resolve("one/app.conf"), "port=80\n");
            Files.writeString(home.resolve("two/app.conf"), "");
            Files.createSymbolicLink(home.resolve("current"), home.resolve("one"));
        }
        DeployResult r = run(host -> {
            String conf = home(host).resolve("current/app.conf").toString();
            files.line(conf, "port=80");
            files.link(
                            home(host).resolve("current").toString(),
                            home(host).resolve("two").toString())
                    .arg("force", true);
            files.line(conf, "port=80").replace("^port=");
        });
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(dir.resolve(h).resolve("two/app.conf"))).isEqualTo("port=80\n");
        }
    }
}
