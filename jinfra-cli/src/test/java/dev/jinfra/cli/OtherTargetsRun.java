package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the end-to-end tests of containers and chroot directories do to one target through the command line: an
 * exec, a fact and a small deploy run twice. Each target's test then looks inside with tools of its own.
 */
final class OtherTargetsRun {
    private OtherTargetsRun() {}

    static void execRunsThereAndExitStatusesCome(Path cwd, String target) {
        CliRun ok = CliRun.run(cwd, target, "exec", "--", "echo \"hello from $(cat /etc/issue)\"; read -r x || true");
        assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCode.OK);
        assertThat(ok.out()).contains("── " + target + " (1 host) ── exit 0").contains("hello from inside\n");

        CliRun failed = CliRun.run(cwd, target, "exec", "--", "echo broken >&2; exit 5");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(failed.out()).contains("exit 5").contains("broken");

        // The failed host is written down by its name, and a retry finds it again.
        CliRun retry = CliRun.run(cwd, target, "exec", "--retry", "failed", "--", "true");
        assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(ExitCode.OK);
        assertThat(retry.out()).contains("── " + target + " (1 host) ── exit 0");
    }

    static void factIsReadThere(Path cwd, String target) {
        CliRun fact = CliRun.run(cwd, target, "fact", "FileInfo", "path=/etc/issue");
        assertThat(fact.exitCode()).as(fact.toString()).isEqualTo(ExitCode.OK);
        assertThat(fact.out()).contains(target).contains("size").contains("7");
    }

    /** A directory, an upload and a line in a file: the first run changes the target, the second nothing. */
    static void deployChangesOnlyTheFirstTime(Path cwd, String target) throws IOException {
        Path motd = Files.writeString(cwd.resolve("motd.txt"), "uploaded into " + target + "\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory("/srv/app", "750").name("App directory");
                    files.put("%s", "/srv/app/motd", "644").name("Upload");
                    files.file("/srv/app/app.conf", "640").name("Config file");
                    files.line("/srv/app/app.conf", "name = " + host.name()).name("Name line");
                }
                """.formatted(motd));
        CliRun first = CliRun.run(cwd, target, "deploy.java", "--yes");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).as(first.toString()).contains("1 of 1 host succeeded: 1 changed, 0 unchanged");

        CliRun second = CliRun.run(cwd, target, "deploy.java", "--yes");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).as(second.toString()).contains("1 of 1 host succeeded: 0 changed, 1 unchanged");
    }

    /** What the deploy above leaves, as {@code cat motd app.conf; stat -c %a app} prints it. */
    static String deployed(String target) {
        return "uploaded into " + target + "\nname = " + target + "\n750\n";
    }
}
