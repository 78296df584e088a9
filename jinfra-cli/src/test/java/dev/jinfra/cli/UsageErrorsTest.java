package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageErrorsTest {
    @TempDir
    Path cwd;

    void assertOneLineUsageError(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().findFirst().orElse("")).isEqualTo(expected);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws Exception {
        Path inv = cwd.resolve("inventory.yaml");
        Files.writeString(inv, "groups:\n  web:\n    hosts: [a, b\n");
        CliRun r = CliRun.run(cwd, inv.toString(), "exec", "--", "true");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: " + inv + ":");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void anUnknownChildGroupIsReportedWithItsLine() throws Exception {
        Path inv = cwd.resolve("inventory.yaml");
        Files.writeString(inv, "groups:\n  prod:\n    children: [web]\n");
        CliRun r = CliRun.run(cwd, inv.toString(), "exec", "--", "true");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: " + inv + ":3: ").contains("web");
    }

    @Test
    void aMalformedRangeOnTheCommandLineIsAUsageError() {
        CliRun r = CliRun.run(cwd, "web-[05-01]", "exec", "--", "true");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: command line: ");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        assertOneLineUsageError(
                CliRun.run(cwd, "@local", "exec"), "jinfra: exec needs a command: jinfra @local exec -- COMMAND");
    }

    @Test
    void anUnknownActionIsAUsageError() {
        assertOneLineUsageError(
                CliRun.run(cwd, "@local", "frobnicate"),
                "jinfra: unknown action 'frobnicate' (jinfra INVENTORY exec -- COMMAND, or jinfra INVENTORY DEPLOY.java; see jinfra --help)");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun r = CliRun.run(cwd, "@local", "exec", "--bogus", "--", "true");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: Unknown option: '--bogus'");
    }

    @Test
    void aBadPortInHostDataStopsTheRunBeforeAnyHostIsTouched() {
        CliRun r = CliRun.run(cwd, "db-1", "exec", "--data", "ssh_port=abc", "--", "true");
        assertOneLineUsageError(r, "jinfra: host db-1: ssh_port must be a whole number, not 'abc'");
    }

    @Test
    void aBadPortInAnInventoryFileNamesTheFileAndLine() throws Exception {
        Path inv = cwd.resolve("inventory.yaml");
        Files.writeString(inv, "hosts:\n  db-1:\n    ssh_user: deploy\n    ssh_port: abc\n");
        assertOneLineUsageError(
                CliRun.run(cwd, inv.toString(), "exec", "--", "true"),
                "jinfra: " + inv + ":4: host db-1: ssh_port must be a whole number, not 'abc'");

        Path ini = cwd.resolve("hosts.ini");
        Files.writeString(ini, "[db]\ndb-1\n\n[db:vars]\nansible_port=70000\n");
        assertOneLineUsageError(
                CliRun.run(cwd, "hosts.ini", "exec", "--", "true"),
                "jinfra: hosts.ini:5: host db-1: ssh_port must be between 1 and 65535, not 70000");
    }

    @Test
    void aBadBatchIsAUsageError() {
        assertOneLineUsageError(
                CliRun.run(cwd, "@local", "exec", "--batch", "0", "--", "true"),
                "jinfra: --batch: batch size must be at least 1, not 0");
    }

    @ParameterizedTest(name = "{0} is a usage error")
    @CsvSource(delimiter = '|', textBlock = """
            exec -p 0 -- true                           | jinfra: --parallel must be at least 1
            exec -e MY-VAR=1 -- true                    | jinfra: --env: 'MY-VAR' is not a valid environment variable name (letters, digits and _, not starting with a digit)
            files.directory path=/tmp/x -e 1X=y         | jinfra: --env: '1X' is not a valid environment variable name (letters, digits and _, not starting with a digit)
            files.directory path=/tmp/x --shell a;b     | jinfra: --shell: 'a;b' is not a program name (letters, digits, _ . / -)
            files.directory path=/tmp/x --su-user <sp>   | jinfra: --su-user needs a user name
            exec --sudo-user <none> -- true             | jinfra: --sudo-user needs a user name
            exec --connect-timeout 0 -- true            | jinfra: --connect-timeout must be between 1s and 1h, not 0s
            exec --connect-timeout 500ms -- true        | jinfra: --connect-timeout must be between 1s and 1h, not 500ms
            exec --connect-timeout 2h -- true           | jinfra: --connect-timeout must be between 1s and 1h, not 2h
            exec --connect-retries 101 -- true          | jinfra: --connect-retries must be between 0 and 100, not 101
            exec --port 0 -- true                       | jinfra: --port must be between 1 and 65535, not 0
            exec --jump-targets 0 -- true               | jinfra: --jump-targets must be at least 1, not 0
            files.directory path=/tmp/x -p 0            | jinfra: --parallel must be at least 1
            files.directory path=/tmp/x --batch 0%      | jinfra: --batch: batch percentage must be 1-100, not 0%
            files.directory path=/tmp/x --retries -1    | jinfra: --retries must not be negative
            fact DirectoryInfo path=/tmp -p 0           | jinfra: --parallel must be at least 1
            """)
    void badOptionValuesAreOneLineUsageErrors(String words, String expected) {
        List<String> args = new ArrayList<>(List.of("db-1"));
        for (String word : words.split(" ")) {
            args.add(word.equals("<none>") ? "" : word.equals("<sp>") ? " " : word);
        }
        assertOneLineUsageError(CliRun.run(cwd, args.toArray(String[]::new)), expected);
    }

    @Test
    void localRunsNeedNoInventoryFile() {
        CliRun r = CliRun.run(cwd, "@local", "exec", "--", "echo", "local", "words");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("── @local (1 host) ── exit 0\nlocal words\n");
    }

    @Test
    void aMistypedSshConfigFileIsAUsageError() throws Exception {
        assertOneLineUsageError(
                CliRun.run(cwd, "@local", "exec", "--ssh-config", "ssh_confg", "--", "true"),
                "jinfra: --ssh-config: no such file: ssh_confg");
        Files.createDirectory(cwd.resolve("conf.d"));
        assertOneLineUsageError(
                CliRun.run(cwd, "@local", "exec", "--ssh-config", "conf.d", "--", "true"),
                "jinfra: --ssh-config: not a file: conf.d");
        // A file that is there is found relative to where jinfra runs.
        Files.writeString(cwd.resolve("ssh_config"), "Host *\n  User ops\n");
        CliRun r = CliRun.run(cwd, "@local", "exec", "--ssh-config", "ssh_config", "--", "echo", "ok");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void helpAndVersionSucceed() {
        assertThat(CliRun.run(cwd, "--help").out()).contains("jinfra INVENTORY exec");
        assertThat(CliRun.run(cwd, "--version").out()).startsWith("jinfra ");
        CliRun execHelp = CliRun.run(cwd, "@local", "exec", "--help");
        assertThat(execHelp.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(execHelp.out()).contains("--parallel").contains("--retry");
    }
}
