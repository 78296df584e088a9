package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertOneLineUsageError(CliRun.run(cwd, "@local", "exec"), "jinfra: exec needs a command: jinfra @local exec -- COMMAND");
    }

    @Test
    void anUnknownActionIsAUsageError() {
        assertOneLineUsageError(CliRun.run(cwd, "@local", "frobnicate"),
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
        assertOneLineUsageError(CliRun.run(cwd, inv.toString(), "exec", "--", "true"),
                "jinfra: " + inv + ":4: host db-1: ssh_port must be a whole number, not 'abc'");

        Path ini = cwd.resolve("hosts.ini");
        Files.writeString(ini, "[db]\ndb-1\n\n[db:vars]\nansible_port=70000\n");
        assertOneLineUsageError(CliRun.run(cwd, "hosts.ini", "exec", "--", "true"),
                "jinfra: hosts.ini:5: host db-1: ssh_port must be between 1 and 65535, not 70000");
    }

    @Test
    void aBadBatchIsAUsageError() {
        assertOneLineUsageError(CliRun.run(cwd, "@local", "exec", "--batch", "0", "--", "true"),
                "jinfra: --batch: batch size must be at least 1, not 0");
    }

    @Test
    void localRunsNeedNoInventoryFile() {
        CliRun r = CliRun.run(cwd, "@local", "exec", "--", "echo", "local", "words");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("── @local (1 host) ── exit 0\nlocal words\n");
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
