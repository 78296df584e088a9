package dev.jinfra.ops.files;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.connect.Connection;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modes and owners on a real file system, over the in-process fleet (commands run here as root): a replaced
 * file keeps what it had when nothing else is asked for, uploads are private while they wait in /tmp, and
 * directories below a set-group-ID directory settle.
 */
class KeepModeDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    // Not root's: a replaced file that came back owned by root would show.
    private static final int UID = 65534;
    private static final int GID = 65534;

    @TempDir
    Path dir;

    private List<OperationStatus> run(Deploy deploy) {
        DeployResult r = new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.defaults(),
                        new DeployListener() {});
        return r.outcomes().stream().map(OperationOutcome::status).toList();
    }

    private static Path existing(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setAttribute(file, "unix:mode", 0640);
        Files.setAttribute(file, "unix:uid", UID);
        Files.setAttribute(file, "unix:gid", GID);
        return file;
    }

    private static void assertKept(Path file) throws Exception {
        assertThat((int) Files.getAttribute(file, "unix:mode") & 07777)
                .as("mode of %s", file)
                .isEqualTo(0640);
        assertThat(Files.getAttribute(file, "unix:uid")).as("owner of %s", file).isEqualTo(UID);
        assertThat(Files.getAttribute(file, "unix:gid")).as("group of %s", file).isEqualTo(GID);
    }

    @Test
    void putOfNewContentKeepsTheModeAndOwnerOfTheFileItReplaces() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "secret=new\n");
        Path dest = existing(dir.resolve("etc-app.conf"), "secret=old\n");

        assertThat(run(h -> files.put(src.toString(), dest.toString()))).containsExactly(OperationStatus.CHANGED);

        assertThat(dest).hasContent("secret=new");
        assertKept(dest);
        assertThat(run(h -> files.put(src.toString(), dest.toString()))).containsExactly(OperationStatus.UNCHANGED);
    }

    @Test
    void templateGivenOnlyAModeKeepsTheOwner() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf.j2"), "name={{ host.name }}\n");
        Path dest = existing(dir.resolve("rendered.conf"), "old\n");

        assertThat(run(h -> files.template(src.toString(), dest.toString()).mode("600")))
                .containsExactly(OperationStatus.CHANGED);

        assertThat((int) Files.getAttribute(dest, "unix:mode") & 07777).isEqualTo(0600);
        assertThat(Files.getAttribute(dest, "unix:uid")).isEqualTo(UID);
        assertThat(Files.getAttribute(dest, "unix:gid")).isEqualTo(GID);
    }

    @Test
    void aNewFileWithoutAModeGetsTheUsualOneNotThePrivateUploadsMode() throws Exception {
        Path src = Files.writeString(dir.resolve("motd"), "hello\n");
        Path dest = dir.resolve("new-motd");

        assertThat(run(h -> files.put(src.toString(), dest.toString()))).containsExactly(OperationStatus.CHANGED);

        // The fleet's shell runs with umask 022 unless this machine says otherwise; 0600 would mean the
        // private upload's mode leaked through.
        assertThat((int) Files.getAttribute(dest, "unix:mode") & 07777)
                .isNotEqualTo(0600)
                .isEqualTo(0666 & ~umask());
    }

    @Test
    void aRelativeDestinationIsInstalledInTheLoginDirectoryWithNothingLeftBeside() throws Exception {
        // The copy's name beside the destination is cut from the path by the shell; a path without a slash has
        // its copy in the login directory, as dirname's "." gave.
        Path src = Files.writeString(dir.resolve("motd"), "relative\n");
        Path home = fleetExtension.fleet().hosts().getFirst().home();
        String name = "jinfra-relative-" + ProcessHandle.current().pid() + ".conf";
        try {
            assertThat(run(h -> files.put(src.toString(), name))).containsExactly(OperationStatus.CHANGED);

            assertThat(home.resolve(name)).hasContent("relative");
            try (Stream<Path> beside = Files.list(home)) {
                assertThat(beside.map(p -> p.getFileName().toString()).filter(n -> n.contains(name)))
                        .containsExactly(name);
            }
            assertThat(run(h -> files.put(src.toString(), name))).containsExactly(OperationStatus.UNCHANGED);
        } finally {
            Files.deleteIfExists(home.resolve(name));
        }
    }

    @Test
    void lineReplaceKeepsTheModeAndOwner() throws Exception {
        Path file = existing(dir.resolve("sshd_config"), "PermitRootLogin yes\nPort 22\n");

        assertThat(run(h -> files.line(file.toString(), "PermitRootLogin no", "^PermitRootLogin ")))
                .containsExactly(OperationStatus.CHANGED);

        assertThat(file).hasContent("PermitRootLogin no\nPort 22");
        assertKept(file);
    }

    @Test
    void aFailedInstallLeavesNoUploadAndNoCopyBehind() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "x\n");
        Path dest = dir.resolve("app.conf.installed");
        String upload = Uploads.uploadName(ContentInstall.sha256(Files.readAllBytes(src)), dest.toString());
        String prefix = upload.substring(0, upload.lastIndexOf('-') + 1);

        assertThat(run(h -> files.put(src.toString(), dest.toString()).owner("no-such-user-jinfra")))
                .containsExactly(OperationStatus.FAILED);

        assertThat(dest).doesNotExist();
        try (Stream<Path> left = Files.list(dir);
                Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no copy beside the destination")
                    .containsExactly("app.conf");
            assertThat(tmp.map(Path::toString).filter(p -> p.startsWith(prefix)))
                    .as("no upload left in /tmp")
                    .isEmpty();
        }
    }

    @Test
    void anUploadIsPrivateFromTheStart() throws Exception {
        Path target = dir.resolve("upload");
        try (Connection c = sshExtension
                .connector()
                .connect(FleetHosts.all(fleetExtension.fleet(), Map.of()).getFirst())) {
            c.upload(dev.jinfra.api.Payload.of("secret\n".getBytes(StandardCharsets.UTF_8)), target.toString());
        }
        assertThat(target).hasContent("secret");
        assertThat((int) Files.getAttribute(target, "unix:mode") & 07777).isEqualTo(0600);
    }

    @Test
    void aDirectoryBelowASetGroupIdDirectorySettles() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 02775);
        Path app = shared.resolve("app");
        Path tree = Files.createDirectories(shared.resolve("tree/sub"));
        Files.writeString(tree.resolve("file"), "x\n");

        assertThat(run(h -> files.directory(app.toString(), "775"))).containsExactly(OperationStatus.CHANGED);
        assertThat((int) Files.getAttribute(app, "unix:mode") & 07777)
                .as("inherited set-group-ID bit kept")
                .isEqualTo(02775);
        assertThat(run(h -> files.directory(app.toString(), "775"))).containsExactly(OperationStatus.UNCHANGED);

        String top = shared.resolve("tree").toString();
        assertThat(run(h -> files.directory(top, "770").arg("recursive", true)))
                .containsExactly(OperationStatus.CHANGED);
        assertThat(run(h -> files.directory(top, "770").arg("recursive", true)))
                .containsExactly(OperationStatus.UNCHANGED);

        // Four digits are exact: the bit goes, and then that settles too.
        assertThat(run(h -> files.directory(app.toString(), "0775"))).containsExactly(OperationStatus.CHANGED);
        assertThat((int) Files.getAttribute(app, "unix:mode") & 07777).isEqualTo(0775);
        assertThat(run(h -> files.directory(app.toString(), "0775"))).containsExactly(OperationStatus.UNCHANGED);
    }

    private static int umask() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "umask").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return Integer.parseInt(out, 8);
    }
}
