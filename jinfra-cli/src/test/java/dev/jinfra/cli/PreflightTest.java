package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Local inputs are checked for every host after the prepare phase: a problem stops the run before any change. */
class PreflightTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(4);

    @TempDir
    Path cwd;

    String inventory() {
        return fleetExtension.fleet().inventoryYaml().toString();
    }

    /** A change first, then an upload, then a template that needs a variable only some hosts have. */
    void writeDeploy(String upload) throws Exception {
        Files.writeString(cwd.resolve("app.conf.j2"), "name={{ host.name }}\nport={{ port }}\n");
        Files.writeString(cwd.resolve("motd"), "hello\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String base = "%s/" + host.name();
                    files.directory(base);
                    files.put("%s", base + "/motd");
                    var vars = new java.util.HashMap<String, Object>();
                    if (!host.name().endsWith("1")) {
                        vars.put("port", 8080);
                    }
                    files.template("%s", base + "/app.conf", vars);
                }
                """.formatted(
                        cwd.resolve("hosts"), cwd.resolve(upload), cwd.resolve("app.conf.j2")));
    }

    @Test
    void aMissingLocalFileAndAnUndefinedVariableStopTheRunBeforeAnyHostChanges() throws Exception {
        writeDeploy("missing.txt");
        CliRun run = CliRun.run(cwd, inventory(), "deploy.java", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PREFLIGHT_FAILED);
        assertThat(cwd.resolve("hosts")).as("no host was changed").doesNotExist();
        assertThat(run.err()).contains("run stopped: pre-flight check failed, no host was changed");
        // Each problem once, with its hosts.
        assertThat(run.out())
                .contains("--> Pre-flight check: 2 problems, no host was changed")
                .contains("    files.put: cannot read local file " + cwd.resolve("missing.txt")
                        + ": no such file (hosts web-001, web-002, web-003 and 1 more)")
                .containsPattern("    .*app\\.conf\\.j2:2.*port.* \\(host web-001\\)");
        assertThat(Files.readString(cwd.resolve(".jinfra/failed-hosts"))).contains("web-001", "web-004");
    }

    @Test
    void aDryRunReportsTheProblemsAsErrors() throws Exception {
        writeDeploy("motd");
        CliRun dry = CliRun.run(cwd, inventory(), "deploy.java", "--dry");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCode.PREFLIGHT_FAILED);
        assertThat(dry.out()).containsPattern("app\\.conf\\.j2:2.* \\(host web-001\\)");
        assertThat(dry.out()).doesNotContain("missing.txt");
    }

    @Test
    void withEveryInputInPlaceTheRunGoesAhead() throws Exception {
        writeDeploy("motd");
        Files.writeString(cwd.resolve("app.conf.j2"), "name={{ host.name }}\nport={{ port | default(80) }}\n");
        CliRun run = CliRun.run(cwd, inventory(), "deploy.java", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(cwd.resolve("hosts/web-001/app.conf"))).isEqualTo("name=web-001\nport=80\n");
    }

    @Test
    void aBrokenTemplateIsNeverInstalledAndItsErrorNamesTheLineAndColumn() throws Exception {
        writeDeploy("motd");
        Files.writeString(cwd.resolve("app.conf.j2"), "name={{ host.name }}\nworkers={{ workers }\n");
        CliRun run = CliRun.run(cwd, inventory(), "deploy.java", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PREFLIGHT_FAILED);
        assertThat(run.out())
                .contains(cwd.resolve("app.conf.j2") + ":2:20: unexpected '}' in '{{ workers }'")
                .contains("(hosts web-001, web-002, web-003 and 1 more)")
                .doesNotContain("Exception");
        assertThat(cwd.resolve("hosts")).doesNotExist();
    }
}
