package dev.jinfra.ops.server;

import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * server operations that need no root, run for real on an in-process fleet host (the fleet runs commands as this
 * process's user): each deploy twice, the second run changing nothing.
 */
class ServerOnFleetTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    private static final String ME = System.getProperty("user.name");
    private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0SfleetA a@example";
    private static final String KEY_B = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQfleetB b@example";

    @TempDir
    Path dir;

    private DeployResult run(Deploy deploy) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of("greeting", "hello")),
                        List.of(deploy),
                        DeployRunner.Options.defaults(),
                        new DeployListener() {});
    }

    private static void assertAll(DeployResult r, OperationStatus status) {
        assertThat(r.outcomes()).isNotEmpty();
        for (OperationOutcome o : r.outcomes()) {
            assertThat(o.status())
                    .as("%s: %s %s", o.name(), o.reason(), o.stderr())
                    .isEqualTo(status);
        }
    }

    @Test
    void authorizedKeysAreAddedOnceWithPrivateModesAndExclusiveKeepsOnlyTheGivenOnes() throws Exception {
        String home = dir.toString();
        Path file = dir.resolve(".ssh/authorized_keys");
        Deploy both = host -> server.userAuthorizedKeys(ME, KEY_A, KEY_B).arg("home", home);

        assertAll(run(both), OperationStatus.CHANGED);
        assertThat(Files.readString(file)).isEqualTo(KEY_A + "\n" + KEY_B + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".ssh"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertAll(run(both), OperationStatus.UNCHANGED);

        // A line added by hand stays; the same key under another comment is not added again.
        Files.writeString(
                file,
                "# by hand\n" + KEY_A.replace("a@example", "renamed"),
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertAll(run(both), OperationStatus.CHANGED);
        assertThat(Files.readString(file))
                .isEqualTo("# by hand\n" + KEY_A.replace("a@example", "renamed") + "\n" + KEY_B + "\n");
        assertAll(run(both), OperationStatus.UNCHANGED);

        Deploy onlyB =
                host -> server.userAuthorizedKeys(ME, KEY_B).arg("home", home).arg("exclusive", true);
        assertAll(run(onlyB), OperationStatus.CHANGED);
        assertThat(Files.readString(file)).isEqualTo(KEY_B + "\n");
        assertAll(run(onlyB), OperationStatus.UNCHANGED);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertAll(run(onlyB), OperationStatus.CHANGED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertAll(run(onlyB), OperationStatus.UNCHANGED);
    }

    @Test
    void aScriptTemplateRunsRenderedWithHostDataAndItsArgumentsAndIsRemoved() throws Exception {
        Path template = Files.writeString(
                dir.resolve("write.sh.j2"),
                "#!/bin/sh\nprintf '%s\\n' \"{{ greeting }} from {{ host.name }}, port {{ port }}\" \"$1\" \"$0\" > \"$2\"\n");
        Path out = dir.resolve("out.txt");
        Deploy deploy = host ->
                server.scriptTemplate(template.toString(), Map.of("port", 8080), "it's an argument", out.toString());

        assertAll(run(deploy), OperationStatus.CHANGED);
        List<String> lines = Files.readAllLines(out);
        String hostName = fleetExtension.fleet().hostNames().getFirst();
        assertThat(lines.subList(0, 2)).containsExactly("hello from " + hostName + ", port 8080", "it's an argument");
        // The rendered script lived only for its run.
        assertThat(Path.of(lines.get(2))).doesNotExist();
    }
}
