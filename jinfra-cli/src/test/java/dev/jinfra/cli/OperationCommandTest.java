package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OperationCommandTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(4);

    @TempDir
    Path cwd;

    CliRun operation(String... words) {
        List<String> all =
                new ArrayList<>(List.of(fleetExtension.fleet().inventoryYaml().toString()));
        all.addAll(List.of(words));
        return OpCliRun.run(cwd, OperationCommand::new, all.toArray(String[]::new));
    }

    /** How many hosts the summary line says changed. */
    static int changed(CliRun r) {
        Matcher m = Pattern.compile("4 of 4 hosts succeeded: (\\d) changed").matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void anOperationCreatesTheDirectoryAndThenFindsNothingToChange() throws Exception {
        // In-process hosts share one file system: every host plans against the same directory.
        Path dir = cwd.resolve("srv/app");
        CliRun first = operation("files.directory", "path=" + dir, "mode=750");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("--> Prepared 1 operation").contains("[1/1] Directory: " + dir);
        assertThat(changed(first)).isBetween(1, 4);
        assertThat(dir).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwxr-x---");

        CliRun second = operation("files.directory", "path=" + dir, "mode=750", "-v");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains("✓ 4 unchanged").contains("is a directory as wanted");
        assertThat(changed(second)).isZero();
    }

    @Test
    void aRetryFileThatCannotBeWrittenIsAWarningAndTheExitCodeStaysTheReports() throws Exception {
        Files.writeString(cwd.resolve(".jinfra"), "");
        CliRun r = operation("files.directory", "path=" + cwd.resolve("made"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err())
                .contains("jinfra: warning: cannot write .jinfra/failed-hosts: .jinfra is not a directory\n")
                .doesNotContain("internal error");
    }

    @Test
    void aDryRunShowsTheCommandsWithSudoAndCreatesNothing() {
        Path dir = cwd.resolve("never");
        // Facts are read as the sudo user too, so the user must exist on the hosts.
        CliRun dry = operation("files.directory", "path=" + dir, "--dry", "-vv", "--sudo-user", "nobody");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCode.OK);
        assertThat(dry.out()).contains("would change").contains("$ sudo -H -n -u nobody -- sh -c 'mkdir -p -- " + dir);
        assertThat(dir).doesNotExist();
    }

    @Test
    void anUnknownArgumentIsAUsageErrorThatListsTheArguments() {
        CliRun r = operation("files.directory", "path=/tmp/x", "colour=blue");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(
                        "jinfra: files.directory: unknown argument 'colour'; arguments: [group, mode, owner, path, present, recursive]");
        assertThat(fleetExtension.fleet().hosts())
                .allSatisfy(h -> assertThat(h.sessionsOpened()).isZero());
    }

    @Test
    void aMissingRequiredArgumentIsAUsageError() {
        CliRun r = operation("files.directory", "mode=755");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("jinfra: files.directory: argument 'path' is required");
    }

    @Test
    void aBadValueAndAWordWithoutAnEqualsSignAreUsageErrors() {
        CliRun mode = operation("files.directory", "path=/tmp/x", "mode=rwx");
        assertThat(mode.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(mode.err()).contains("mode must be octal like 755, not 'rwx'");
        CliRun word = operation("files.directory", "/tmp/x");
        assertThat(word.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(word.err()).contains("files.directory: arguments are name=value, not '/tmp/x'");
    }

    @Test
    void anUnreachableHostGivesItsExitCodeAndIsRecordedForRetry() throws Exception {
        var fleet = fleetExtension.fleet();
        fleet.host(fleet.hostNames().get(3)).fault(Fault.REFUSE);
        CliRun r = operation("files.directory", "path=" + cwd.resolve("part"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out()).contains("unreachable: web-004");
        assertThat(Files.readString(cwd.resolve(".jinfra/failed-hosts")))
                .contains("# hosts that did not succeed in: files.directory path=" + cwd.resolve("part"))
                .contains("# unreachable\nweb-004\n");
    }

    @Test
    void controlsFromTheCommandLineDecideWhatCountsAsSuccess() {
        CliRun strict = operation("server.shell", "commands=exit 3");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.HOSTS_FAILED);

        CliRun accepting = operation("server.shell", "commands=exit 3", "--success-exit-codes", "0,3");
        assertThat(accepting.exitCode()).as(accepting.toString()).isEqualTo(ExitCode.OK);
        assertThat(changed(accepting)).isEqualTo(4);

        CliRun tolerated = operation("server.shell", "commands=exit 3", "--ignore-errors");
        // The failures are shown, but ignored ones keep the hosts in the run and out of the exit code.
        assertThat(tolerated.exitCode()).as(tolerated.toString()).isEqualTo(ExitCode.OK);
        assertThat(tolerated.out())
                .as(tolerated.toString())
                .contains("✗ 4 failed")
                .contains("4 of 4 hosts succeeded");
    }
}
