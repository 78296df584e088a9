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
                """.formatted(Files.writeString(cwd.resolve("motd.txt"), "uploaded over SFTP\n")));
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
        var check = new ProcessBuilder(fleet.sshCommand(host, "cat /root/app/app.conf /root/app/motd; stat -c %a /root/app/motd; readlink /root/app/current")).start();
        String content = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor()).isZero();
        assertThat(content).contains("name = " + host.name() + "\n")
                .contains("greeting = it's $HOME; `not run`\n")
                .contains("[limits]\nfiles = 1024\n")
                .contains("uploaded over SFTP\n600\n")
                .endsWith("/root/app/releases\n");
    }
}
