package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A deploy file run twice on real OpenSSH hosts: the first run changes them, the second changes nothing. */
@ExtendWith(OpenSshFleetExtension.class)
class DeployOpenSshE2ETest {
    @TempDir
    Path cwd;

    @Test
    void theSecondRunChangesNothing(OpenSshFleet fleet) throws Exception {
        // Each fleet host has a private /root, so the same path is a different directory on every host.
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory("/root/app", "750").name("App directory");
                    files.directory("/root/app/releases");
                    if (host.name().endsWith("2")) {
                        files.directory("/root/app/extra").name("Extra on some hosts");
                    }
                    files.file("/root/app/app.conf", "640").name("Config file");
                    files.line("/root/app/app.conf", "name = " + host.name()).name("Name line");
                    files.line("/root/app/app.conf", "greeting = it's $HOME; `not run`").name("Quoted line");
                    files.block("/root/app/app.conf", "[limits]\\nfiles = 1024").name("Limits block");
                    files.link("/root/app/current", "/root/app/releases").name("Current link");
                    files.put("%s", "/root/app/motd", "600").name("Upload");
                }
                """.formatted(
                        Files.writeString(cwd.resolve("motd.txt"), "uploaded over SFTP\n")));
        int n = fleet.hosts().size();
        CliRun first = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains(n + " of " + n + " hosts succeeded: " + n + " changed, 0 unchanged");

        CliRun second = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains(n + " of " + n + " hosts succeeded: 0 changed, " + n + " unchanged");
        assertThat(second.out()).contains("[1/9] App directory  ✓ " + n + " unchanged");
        // Check one host's file with the real OpenSSH client: every line arrived as written, nothing ran.
        var host = fleet.hosts().getFirst();
        var check = new ProcessBuilder(fleet.sshCommand(
                        host,
                        "cat /root/app/app.conf /root/app/motd; stat -c %a /root/app/motd; readlink /root/app/current"))
                .start();
        String content = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor()).isZero();
        assertThat(content)
                .contains("name = " + host.name() + "\n")
                .contains("greeting = it's $HOME; `not run`\n")
                .contains("[limits]\nfiles = 1024\n")
                .contains("uploaded over SFTP\n600\n")
                .endsWith("/root/app/releases\n");
    }

    @Test
    void factsAreReadAsTheUserTheOperationRunsAs(OpenSshFleet fleet) throws Exception {
        // A file only root can see: root finds it, nobody (through sudo) does not, and plans accordingly.
        Path hidden = Files.createDirectories(cwd.resolve("private"));
        Files.setPosixFilePermissions(hidden, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path file = Files.writeString(hidden.resolve("f"), "x\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.file("%1$s").name("as root");
                    files.file("%1$s").name("as nobody").sudo("nobody");
                }
                """.formatted(file));
        CliRun dry = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--dry", "-v");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCode.OK);
        int n = fleet.hosts().size();
        assertThat(dry.out())
                .as(dry.toString())
                .contains("1. as root: ✓ unchanged on ")
                .contains("2. as nobody: ~ change on ")
                .contains("[2/2] as nobody  ~ " + n + " changed");
    }

    @Test
    void syncAndDownloadChangeNothingTheSecondTime(OpenSshFleet fleet) throws Exception {
        Path site = Files.createDirectories(cwd.resolve("site/sub dir"));
        Files.writeString(site.getParent().resolve("index.html"), "<h1>synced</h1>\n");
        Files.writeString(site.resolve("it's here.txt"), "quoted name\n");
        Files.writeString(site.getParent().resolve("skip.log"), "excluded\n");
        String source = "downloaded from a file:// URL, so no network is needed\n";
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path script =
                Files.writeString(cwd.resolve("setup.sh"), "#!/bin/sh\nprintf '%s|' \"$@\" > /root/script-args\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.put("%s", "/root/source.txt").name("Source");
                    files.download("file:///root/source.txt", "/root/downloaded.txt", "%s").mode("600").name("Download");
                    files.sync(new dev.jinfra.ops.files.Sync("%s", "/root/web", true, "640", "750", null, null,
                            java.util.List.of("*.log"))).name("Sync");
                    server.script("%s", "one arg", "it's").name("Script");
                }
                """.formatted(
                        Files.writeString(cwd.resolve("source.txt"), source), sha, site.getParent(), script));
        int n = fleet.hosts().size();
        CliRun first = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("[3/4] Sync  ~ " + n + " changed");

        // The script runs every time; the download and the sync find nothing to do.
        CliRun second = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out())
                .contains("[2/4] Download  ✓ " + n + " unchanged")
                .contains("[3/4] Sync  ✓ " + n + " unchanged")
                .contains("[4/4] Script  ~ " + n + " changed");
        var host = fleet.hosts().getFirst();
        var check = new ProcessBuilder(fleet.sshCommand(
                        host,
                        "cat /root/downloaded.txt /root/script-args; echo;"
                                + " stat -c %a /root/downloaded.txt /root/web /root/web/index.html; ls -R /root/web"))
                .start();
        String content = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor()).isZero();
        assertThat(content)
                .startsWith(source + "one arg|it's|\n600\n750\n640\n")
                .contains("it's here.txt")
                .doesNotContain("skip.log");
    }
}
