package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(6);

    @TempDir
    Path cwd;

    String inventory() {
        return fleetExtension.fleet().inventoryYaml().toString();
    }

    /** In-process hosts share this machine's files, so each host's directory has the host's name in it. */
    Path writeDeploy() throws Exception {
        return Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String base = "%s/" + host.name();
                    files.directory(base, "750").name("App directory");
                    files.directory(base + "/releases").name("Releases");
                    if (host.name().endsWith("1")) {
                        files.directory(base + "/only-on-one");
                    }
                }
                """.formatted(cwd.resolve("hosts")));
    }

    @Test
    void theDemosDeployRendersEachHostsMotdFromItsNameAndDataAndAnnouncesItOnce() throws Exception {
        for (String name : new String[] {"deploy.java", "motd.j2"}) {
            try (var in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
                Files.copy(in, cwd.resolve(name));
            }
        }
        String[] args = {
            inventory(),
            "deploy.java",
            "--data",
            "demo_root=" + cwd.resolve("hosts"),
            "--data",
            "demo_dir=" + cwd,
            "--data",
            "role=cache"
        };
        CliRun first = CliRun.run(cwd, args);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        Path host = cwd.resolve("hosts/web-002");
        assertThat(host.resolve("etc/motd"))
                .content()
                .startsWith("Welcome to web-002, a cache server looked after by ops.\n");
        assertThat(host.resolve("etc/app.conf")).hasContent("listen=0.0.0.0:8080\n");
        assertThat(Files.readAllLines(host.resolve("motd-announced"))).hasSize(1);

        CliRun second = CliRun.run(cwd, args);
        assertThat(second.out()).contains("6 of 6 hosts succeeded: 0 changed, 6 unchanged");
        // The handler ran on the first run only: its file still has one line.
        assertThat(Files.readAllLines(host.resolve("motd-announced"))).hasSize(1);
    }

    @Test
    void hostDataMissingOnEveryHostIsOneFoldedLineNamingTheHostRange() throws Exception {
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory(host.data("app_root"));
                }
                """);
        CliRun r = CliRun.run(cwd, inventory(), "deploy.java");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.out())
                .containsOnlyOnce("has no data 'app_root'")
                .contains("host web-[001-006] has no data 'app_root'");
    }

    @Test
    void aProposalOfOperationsUnderAConditionSaysTheyChangeOnlyIfItHolds() throws Exception {
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    var made = files.directory("%s/" + host.name()).name("App directory");
                    server.shell("echo reload").name("Reload").when(made::changed);
                }
                """.formatted(cwd.resolve("hosts")));
        CliRun dry = CliRun.run(cwd, inventory(), "deploy.java", "--dry");
        assertThat(dry.out())
                .contains("--> Proposed changes: 2 operations on 6 of 6 hosts, 1 of them if their conditions hold");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    server.shell("echo reload").name("Reload").when(() -> host.name().endsWith("1"));
                }
                """);
        CliRun only = CliRun.run(cwd, inventory(), "deploy.java", "--dry");
        assertThat(only.out()).contains("--> Proposed changes: 1 operation on 6 of 6 hosts, if its condition holds");
    }

    @Test
    void aDeployChangesOnceAndThenReportsNoChanges() throws Exception {
        writeDeploy();
        CliRun first = CliRun.run(cwd, inventory(), "deploy.java");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out())
                .contains("--> Prepared 3 operations")
                .contains("--> Proposed changes: 3 operations on 6 of 6 hosts")
                .contains("[1/3] App directory  ~ 6 changed")
                .contains("6 of 6 hosts succeeded: 6 changed, 0 unchanged");
        assertThat(cwd.resolve("hosts/web-001/only-on-one")).isDirectory();

        CliRun second = CliRun.run(cwd, inventory(), "deploy.java", "-v");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out())
                .contains("--> Proposed changes: none")
                .contains("1. App directory: ✓ unchanged on web-[001-006]")
                .contains("[1/3] App directory  ✓ 6 unchanged")
                .contains("6 of 6 hosts succeeded: 0 changed, 6 unchanged")
                .contains("is a directory as wanted")
                .doesNotContain("fact web-001:")
                .contains("round trips per host (fact reads and commands): ")
                .containsPattern("web-001\\s+0\\s+3\\s+0\\s+0\\s+unchanged")
                .containsPattern("web-\\[002-006\\]\\s+0\\s+2\\s+0\\s+0\\s+unchanged");
        // Facts come with the commands, by the names the fact command takes, their values without record syntax.
        CliRun third = CliRun.run(cwd, inventory(), "deploy.java", "-vv");
        assertThat(third.out())
                .as(third.toString())
                .contains("fact web-001: DirectoryInfo path=" + cwd.resolve("hosts/web-001")
                        + " = {type: directory, mode: 750, owner: ");
    }

    @Test
    void factsShownWithTheCommandsAreFoldedAcrossHostsThatReadTheSameValue() throws Exception {
        Path shared = Files.createDirectories(cwd.resolve("shared"));
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory("%s");
                }
                """.formatted(shared));
        CliRun r = CliRun.run(cwd, inventory(), "deploy.java", "-vv");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .containsOnlyOnce("fact web-[001-006]: DirectoryInfo path=" + shared + " = {type: directory")
                .doesNotContain("fact web-001: DirectoryInfo");
    }

    @Test
    void aFailedStepSaysWhatItsCommandSaidOncePerDistinctOutput() throws Exception {
        Files.writeString(cwd.resolve("fail.java"), """
                void deploy(Host host) {
                    server.shell("echo starting; for i in $(seq 1 22); do echo line $i >&2; done;"
                            + " echo nginx: unrecognized service >&2; exit 1").name("Restart nginx");
                }
                """);
        CliRun r = CliRun.run(cwd, inventory(), "fail.java", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        // Every host said the same: one failure line for all six, then the last lines of stderr, once.
        assertThat(r.out())
                .as(r.toString())
                .containsOnlyOnce("failed: web-[001-006]: Restart nginx: exit 1")
                .containsOnlyOnce("    ! (3 lines before; -v shows all)\n    ! line 4\n")
                .doesNotContain("! line 3\n")
                .containsOnlyOnce("    ! nginx: unrecognized service\n")
                .doesNotContain("! starting");
    }

    @Test
    void hostsWithTheSameDetailsShareOneLine() throws Exception {
        Files.writeString(cwd.resolve("same.java"), """
                void deploy(Host host) {
                    server.shell("true").name("Same everywhere");
                    server.shell("[ $FLEET_HOST != web-003 ]").name("Odd one out").ignoreErrors();
                }
                """);
        CliRun r = CliRun.run(cwd, inventory(), "same.java", "--yes", "-v");
        assertThat(r.out())
                .as(r.toString())
                .containsOnlyOnce("    web-[001-006]: changed\n")
                .containsOnlyOnce("    web-[001-002,004-006]: changed\n")
                .containsOnlyOnce("    web-003: failed (exit 1: ");
    }

    @Test
    void aDryRunShowsCommandsAndChangesNothing() throws Exception {
        writeDeploy();
        CliRun dry = CliRun.run(cwd, inventory(), "deploy.java", "--dry", "-vv");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCode.OK);
        assertThat(dry.out())
                .contains("$ mkdir -p -- " + cwd.resolve("hosts/web-001"))
                .contains("would change")
                .contains("2. Releases: ~ change on web-[001-006]")
                .contains("3. Directory: " + cwd.resolve("hosts/web-001/only-on-one") + ": ~ change on web-001");
        assertThat(cwd.resolve("hosts")).doesNotExist();
    }

    @Test
    void aDryRunOfAnEditToAFileTheDeployCreatesSaysUnknownAndSucceeds() throws Exception {
        Files.writeString(cwd.resolve("edit.java"), """
                void deploy(Host host) {
                    String conf = "%s/" + host.name() + ".conf";
                    files.file(conf).name("Config file");
                    files.line(conf, "port = 80").name("Port line");
                }
                """.formatted(cwd));
        CliRun dry = CliRun.run(cwd, inventory(), "edit.java", "--dry", "--limit", "web-001");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCode.OK);
        assertThat(dry.out())
                .contains("[2/2] Port line  ? 1 unknown")
                .contains("web-001: unknown (depends on an earlier change: ")
                .contains("1 of 1 host succeeded: 1 would change");
        assertThat(cwd.resolve("web-001.conf")).doesNotExist();
    }

    @Test
    void jsonGivesOneEventPerLineEndingWithTheSummary() throws Exception {
        writeDeploy();
        CliRun r = CliRun.run(cwd, inventory(), "deploy.java", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var types = new java.util.ArrayList<String>();
        for (String line : r.outLines()) {
            types.add(json.readTree(line).get("type").asText());
        }
        assertThat(types)
                .startsWith("run", "host_connected")
                .contains("plan", "fact", "proposed", "operation_start", "result", "operation_end")
                .endsWith("summary");
        assertThat(types.indexOf("proposed")).isLessThan(types.indexOf("operation_start"));
        assertThat(types.stream().filter("proposed"::equals)).hasSize(6 + 6 + 1);
        assertThat(types.stream().filter("result"::equals)).hasSize(6 + 6 + 1);
        assertThat(json.readTree(r.outLines().getLast()).get("changed").asInt()).isEqualTo(6);
    }

    @Test
    void operationsAndFactsRunStraightFromTheCommandLine() {
        Path target = cwd.resolve("made");
        CliRun op = CliRun.run(cwd, inventory(), "files.directory", "path=" + target, "mode=700");
        assertThat(op.exitCode()).as(op.toString()).isEqualTo(ExitCode.OK);
        assertThat(target).isDirectory();
        CliRun fact = CliRun.run(cwd, inventory(), "fact", "DirectoryInfo", "path=" + target);
        assertThat(fact.exitCode()).as(fact.toString()).isEqualTo(ExitCode.OK);
        assertThat(fact.out()).contains("web-[001-006] (6 hosts)").contains("\"mode\": \"700\"");
    }

    @Test
    void initPreparesADirectoryForWritingDeploys() {
        CliRun r = CliRun.run(cwd, "init", "ops");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("ops/deploy.java")).isRegularFile();
        assertThat(cwd.resolve("ops/pom.xml")).isRegularFile();
    }

    @Test
    void runsOverTheConfirmationThresholdNeedYesWithoutATerminal() throws Exception {
        writeDeploy();
        CliRun refused = CliRun.run(cwd, inventory(), "deploy.java", "--confirm-over", "3");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err())
                .startsWith("jinfra: 6 hosts would be changed (more than --confirm-over 3): add --yes");
        assertThat(cwd.resolve("hosts")).doesNotExist();

        assertThat(CliRun.run(cwd, inventory(), "deploy.java", "--confirm-over", "3", "--dry")
                        .exitCode())
                .isEqualTo(ExitCode.OK);
        CliRun confirmed = CliRun.run(cwd, inventory(), "deploy.java", "--confirm-over", "3", "--yes");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("hosts")).isDirectory();

        // The threshold counts hosts that would change, not hosts that have operations.
        CliRun nothingToDo = CliRun.run(cwd, inventory(), "deploy.java", "--confirm-over", "3");
        assertThat(nothingToDo.exitCode()).as(nothingToDo.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void withBatchesTheConfirmationThresholdCountsTheWholeRunBeforeTheFirstBatch() throws Exception {
        writeDeploy();
        // Each batch of 2 is under the threshold of 3, the run of 6 is not: nothing may change without --yes.
        CliRun refused = CliRun.run(cwd, inventory(), "deploy.java", "--batch", "2", "--confirm-over", "3");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err())
                .startsWith("jinfra: up to 6 hosts would be changed (more than --confirm-over 3; "
                        + "2 in the first batch, 4 in later batches, planned at their turn): add --yes");
        assertThat(cwd.resolve("hosts")).doesNotExist();

        CliRun under = CliRun.run(cwd, inventory(), "deploy.java", "--batch", "2", "--confirm-over", "6");
        assertThat(under.exitCode()).as(under.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("hosts/web-006")).isDirectory();
    }

    @Test
    void aCompileErrorNamesTheDeployFileLineAndColumnAndRunsNothing() throws Exception {
        Files.writeString(cwd.resolve("broken.java"), """
                void deploy(Host host) {
                    filez.directory("/tmp/x");
                }
                """);
        CliRun r = CliRun.run(cwd, inventory(), "broken.java");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: broken.java:2:5: error: cannot find symbol");
        assertThat(fleetExtension.fleet().hosts())
                .allSatisfy(h -> assertThat(h.sessionsOpened()).isZero());
    }
}
