package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.connect.LocalConnector;
import dev.jinfra.deploy.Controls;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.Settings;
import dev.jinfra.inventory.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposed changes are worked out from the facts before anything changes, and are what then runs. */
class ProposalTest {
    @TempDir
    Path dir;

    private record Run(DeployResult result, List<Proposal> proposals, List<String> events) {}

    private Run run(boolean dry, Deploy deploy) {
        var local = new LocalConnector();
        var options = DeployRunner.Options.builder()
                .parallel(10)
                .dryRun(dry)
                .commandLine(Settings.NONE.sudo("nobody").withControls(Controls.NONE))
                .build();
        List<Proposal> proposals = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<Proposal> approved = new ArrayList<>();
        DeployResult r = new DeployRunner(h -> local)
                .confirmWith((plan, proposal) -> approved.add(proposal))
                .run(
                        List.of(new Host(Host.LOCAL, List.of(), Map.of("sudo", "false"))),
                        List.of(deploy),
                        options,
                        new DeployListener() {
                            @Override
                            public void proposed(Proposal proposal) {
                                proposals.add(proposal);
                                events.add("proposed");
                            }

                            @Override
                            public void operationStarted(int number, int total, PlannedOperation operation) {
                                events.add("start " + number);
                            }
                        });
        if (!dry) {
            assertThat(approved).as("the confirmation sees the proposal").isEqualTo(proposals);
        }
        return new Run(r, proposals, events);
    }

    @Test
    void eachOperationIsProposedAsChangeUnchangedOrUnknownBeforeAnythingRuns() throws Exception {
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Path created = dir.resolve("created");
        Deploy deploy = host -> {
            files.directory(existing.toString()).name("existing dir");
            files.directory(created.toString()).name("new dir");
            // The file is made by the operation before: until that ran, nothing can be said of its lines.
            files.file(created.resolve("conf").toString()).name("conf file");
            files.line(created.resolve("conf").toString(), "a = 1").name("conf line");
            server.shell("true").name("check").when(() -> true);
        };
        Run run = run(false, deploy);
        assertThat(run.events()).startsWith("proposed", "start 1");
        Proposal p = run.proposals().getFirst();
        assertThat(p.entries())
                .extracting(Proposal.Entry::name, Proposal.Entry::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("existing dir", Proposal.Kind.NO_CHANGE),
                        org.assertj.core.groups.Tuple.tuple("new dir", Proposal.Kind.CHANGE),
                        org.assertj.core.groups.Tuple.tuple("conf file", Proposal.Kind.CHANGE),
                        org.assertj.core.groups.Tuple.tuple("conf line", Proposal.Kind.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("check", Proposal.Kind.CHANGE));
        assertThat(p.entries().get(0).reason()).contains("is a directory");
        assertThat(p.entries().get(1).commands()).containsExactly("mkdir -p -- " + created);
        assertThat(p.entries().get(3).reason()).isNotBlank();
        assertThat(p.entries().get(4).conditional()).isTrue();
        assertThat(p.hostsToChange()).containsExactly(Host.LOCAL);

        // What was proposed then ran, and the line was decided at its turn.
        assertThat(run.result().outcomes())
                .extracting(OperationOutcome::status)
                .containsExactly(
                        OperationStatus.UNCHANGED,
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED);
        assertThat(Files.readString(created.resolve("conf"))).isEqualTo("a = 1\n");
    }

    @Test
    void nothingToDoIsProposedAsNoChange() throws Exception {
        Path existing = Files.createDirectories(dir.resolve("there"));
        Run run = run(true, host -> files.directory(existing.toString()).name("dir"));
        assertThat(run.proposals().getFirst().hostsToChange()).isEmpty();
        assertThat(run.proposals().getFirst().count(Proposal.Kind.NO_CHANGE)).isEqualTo(1);
    }

    @Test
    void theProposedCommandsCarryTheSettingsTheyRunWith() {
        Run run = run(true, host -> server.shell("id").name("id").sudo("app"));
        assertThat(run.proposals().getFirst().entries().getFirst().commands())
                .containsExactly("sudo -H -n -u app -- sh -c id");
    }

    @Test
    void aDryRunReportsAPlanThatDependsOnAnEarlierChangeAsUnknownNotFailed() {
        Path created = dir.resolve("made");
        Deploy deploy = host -> {
            files.directory(created.toString()).name("new dir");
            files.file(created.resolve("conf").toString()).name("conf file");
            // Plans against the host as it is: the file the operation before would create is not there yet.
            files.line(created.resolve("conf").toString(), "a = 1").name("conf line");
            server.shell("true").name("after");
        };
        Run run = run(true, deploy);
        assertThat(run.result().outcomes())
                .extracting(OperationOutcome::status)
                .containsExactly(
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED,
                        OperationStatus.UNKNOWN,
                        OperationStatus.CHANGED);
        assertThat(run.result().outcomes().get(2).reason()).startsWith("depends on an earlier change: ");
        assertThat(run.result().hostStates()).containsEntry(Host.LOCAL, DeployHostState.CHANGED);
        assertThat(run.result().hostErrors()).isEmpty();
        assertThat(created).doesNotExist();
    }

    @Test
    void aDryRunStillFailsAPlanErrorThatNoEarlierChangeExplains() {
        Path missing = dir.resolve("missing");
        Run run = run(
                true,
                host -> files.line(missing.resolve("conf").toString(), "a = 1").name("conf line"));
        assertThat(run.result().outcomes())
                .extracting(OperationOutcome::status)
                .containsExactly(OperationStatus.FAILED);
        assertThat(run.result().hostStates()).containsEntry(Host.LOCAL, DeployHostState.FAILED);
    }
}
