package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user other than root on real hosts (it exists only in the hosts' /etc and /home overlays): sudo with a
 * password, for a user whose sudo asks for one, gives the password to sudo and never to the command; and a
 * command that runs past its timeout is ended on the host, which OpenSSH's sshd does on request for such users.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(value = 2, overlay = true)
class NonRootUserOpenSshE2ETest {
    private static final String USER = "jinfra-sudoer";
    /** Set for the test JVM by the build (pom.xml), so that --sudo-password-env can name it. */
    private static final String PASSWORD_VARIABLE = "JINFRA_TEST_SUDO_PASSWORD";

    @TempDir
    Path cwd;

    @BeforeAll
    static void aUserWhoseSudoAsksForAPassword(OpenSshFleet fleet) throws Exception {
        String password = System.getenv(PASSWORD_VARIABLE);
        assertThat(password)
                .as("environment variable %s (set in pom.xml)", PASSWORD_VARIABLE)
                .isNotBlank();
        assertThat(ProcessRun.of(List.of("getent", "passwd", USER)).exitCode())
                .as("user %s on this machine", USER)
                .isEqualTo(2);
        for (var host : fleet.hosts()) {
            ProcessRun fs = ProcessRun.ssh(fleet, host, "stat -f -c %T /etc /home");
            assertThat(fs.out().lines().toList())
                    .as("/etc and /home of %s must be overlays", host.name())
                    .containsExactly("overlayfs", "overlayfs");
            ProcessRun setUp = ProcessRun.ssh(
                    fleet,
                    host,
                    String.join(
                            " && ",
                            "useradd -m -s /bin/sh " + USER,
                            "echo '" + USER + ":" + password + "' | chpasswd",
                            "echo '" + USER + " ALL=(ALL) ALL' > /etc/sudoers.d/" + USER,
                            "chmod 440 /etc/sudoers.d/" + USER,
                            "mkdir -p /home/" + USER + "/.ssh",
                            "cp ~/.ssh/authorized_keys /home/" + USER + "/.ssh/",
                            "chown -R " + USER + " /home/" + USER + "/.ssh"));
            assertThat(setUp.exitCode()).as(setUp.toString()).isZero();
        }
    }

    @Test
    void withoutThePasswordSudoRefuses(OpenSshFleet fleet) {
        CliRun r = CliRun.run(
                cwd, fleet.inventoryFile().toString(), "exec", "--json", "-u", USER, "--sudo", "--", "id -u");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.err() + r.out()).as(r.toString()).contains("password");
    }

    @Test
    void execGivesThePasswordToSudoAndNothingToTheCommand(OpenSshFleet fleet) throws Exception {
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--json",
                "-u",
                USER,
                "--sudo",
                "--sudo-password-env",
                PASSWORD_VARIABLE,
                "--",
                "cat; id -u");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        var results = ExecOpenSshE2ETest.hostResults(r);
        assertThat(results).hasSize(fleet.hosts().size());
        for (JsonNode result : results.values()) {
            assertThat(result.get("stdout").asText()).as(r.toString()).isEqualTo("0\n");
        }
        assertThat(r.out() + r.err()).doesNotContain(System.getenv(PASSWORD_VARIABLE));
    }

    @Test
    void aDeployOperationGetsItsOwnInputAfterSudoTookThePassword(OpenSshFleet fleet) throws Exception {
        String got = "/home/" + USER + "/got";
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    server.shell("cat > %1$s; id -u >> %1$s").sudo().stdin("own input\\n").name("Read input");
                }
                """.formatted(got));
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "deploy.java",
                "--yes",
                "--data",
                "ssh_user=" + USER,
                "--data",
                "sudo_password_env=" + PASSWORD_VARIABLE);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        for (var host : fleet.hosts()) {
            ProcessRun content = ProcessRun.ssh(fleet, host, "cat " + got);
            assertThat(content.out()).as(content.toString()).isEqualTo("own input\n0\n");
        }
    }

    @Test
    void anUploadUnderSudoWithAPasswordAndEnvironmentArrivesWhole(OpenSshFleet fleet) throws Exception {
        // The upload goes on the install command's input after sudo's password and the environment: content that
        // looks like either, or like the line that confirms the upload, must arrive as it is.
        byte[] content = ("ok\n--jinfra-sudo-password-end--\nVALUE\n" + "x".repeat(100_000) + "\u0000end")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path src = Files.write(cwd.resolve("payload.bin"), content);
        String dest = "/home/" + USER + "/put.bin";
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.put("%s", "%s").sudo().env("APP_TOKEN", "t-1\\nsecond line").name("Put");
                }
                """.formatted(src, dest));
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "deploy.java",
                "--yes",
                "--data",
                "ssh_user=" + USER,
                "--data",
                "sudo_password_env=" + PASSWORD_VARIABLE);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        for (var host : fleet.hosts()) {
            ProcessRun check = ProcessRun.ssh(fleet, host, "stat -c %U " + dest + "; sha256sum < " + dest);
            assertThat(check.out()).as(check.toString()).isEqualTo("root\n" + sha + "  -\n");
        }
    }

    @Test
    void anEnvironmentValueUnderSudoIsOnNoCommandLineOfTheHost(OpenSshFleet fleet) throws Exception {
        String secret = "pw-" + Long.toHexString(System.nanoTime());
        String seen = "/home/" + USER + "/seen";
        // While it runs, the command writes every process's command line on the host (sudo's included) and the
        // command line sudo passed on (SUDO_COMMAND), then the value it got.
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    server.shell("ps -eo args > %1$s; echo \\"$SUDO_COMMAND\\" >> %1$s; echo \\"got=$DB_PASSWORD\\" >> %1$s")
                            .sudo().env("DB_PASSWORD", "%2$s").name("Use the password");
                }
                """.formatted(seen, secret));
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "deploy.java",
                "--yes",
                "--data",
                "ssh_user=" + USER,
                "--data",
                "sudo_password_env=" + PASSWORD_VARIABLE);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        for (var host : fleet.hosts()) {
            ProcessRun content = ProcessRun.ssh(fleet, host, "cat " + seen);
            assertThat(content.out()).as(content.toString()).contains("sudo ").contains("got=" + secret);
            assertThat(content.out().replace("got=" + secret, "")).doesNotContain(secret);
        }
        assertThat(r.out() + r.err()).doesNotContain(secret);
    }

    @Test
    void ctrlCEndsEvenACommandThatIgnoresTerm(OpenSshFleet fleet) throws Exception {
        // Not as root: OpenSSH refuses signal requests for root's sessions.
        String marker = "sleep 7" + ProcessHandle.current().pid() % 1000 + "3";
        try (var jinfra = JinfraProcess.start(
                cwd,
                List.of(
                        fleet.inventoryFile().toString(),
                        "exec",
                        "-u",
                        USER,
                        "--",
                        "trap '' TERM; " + marker + "; echo never"))) {
            // On each host the sleep, and the shells around it.
            jinfra.awaitWhileRunning(
                    () -> RunningProcesses.sleeps(marker) >= fleet.hosts().size(), java.time.Duration.ofSeconds(30));
            assertThat(running(marker))
                    .as("the command runs on every host")
                    .hasSizeGreaterThanOrEqualTo(fleet.hosts().size());
            jinfra.interrupt();
            assertThat(jinfra.waitFor(java.time.Duration.ofSeconds(20)))
                    .as("jinfra ends soon after Ctrl-C")
                    .isTrue();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (!running(marker).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(running(marker))
                    .as("commands still running after Ctrl-C")
                    .isEmpty();
            assertThat(jinfra.out()).doesNotContain("never");
        } finally {
            running(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aCommandPastItsTimeoutIsEndedOnTheHost(OpenSshFleet fleet) throws Exception {
        // A compound command, so that the login shell stays and the sleep is its child: both must end.
        String marker = "sleep 6" + ProcessHandle.current().pid() % 1000 + "1";
        CliRun r = CliRun.run(
                cwd, fleet.inventoryFile().toString(), "exec", "-u", USER, "-t", "1s", "--", marker + "; echo never");
        try {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
            assertThat(r.out()).as(r.toString()).contains("timed out after 1s").doesNotContain("never");
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (!running(marker).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(running(marker))
                    .as("processes of the timed-out command still running")
                    .isEmpty();
        } finally {
            running(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<ProcessHandle> running(String marker) {
        return RunningProcesses.matching(marker);
    }
}
