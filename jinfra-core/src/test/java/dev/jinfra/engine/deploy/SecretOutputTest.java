package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.git;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Secrets reach the host, but never what is shown of a run: commands, names, reasons, diffs. */
class SecretOutputTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    private record Run(DeployResult result, List<Proposal> proposals, List<String> planNames) {
        /** Everything a report or a JSON event is made of. */
        String shown() {
            StringBuilder sb = new StringBuilder(String.join("\n", planNames));
            proposals.forEach(p -> p.entries().forEach(e -> sb.append('\n').append(e)));
            result.outcomes().forEach(o -> sb.append('\n').append(o));
            sb.append('\n').append(result.hostErrors());
            return sb.toString();
        }
    }

    private Run run(boolean dry, Deploy deploy) {
        List<Proposal> proposals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        DeployResult r = new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.builder().parallel(10).dryRun(dry).build(),
                        new DeployListener() {
                            @Override
                            public void planned(List<PlannedOperation> operations) {
                                operations.forEach(o -> names.add(o.name()));
                            }

                            @Override
                            public void proposed(Proposal proposal) {
                                proposals.add(proposal);
                            }
                        });
        return new Run(r, proposals, names);
    }

    @Test
    void secretEnvironmentValuesAreSentButShownMasked() throws Exception {
        Path out = dir.resolve("out");
        Run run = run(false, host -> {
            server.shell("printf '%s %s' \"$DB_PASSWORD\" \"$LANG\" > " + out)
                    .name("write")
                    .env("DB_PASSWORD", "hunter2-value")
                    .env("LANG", "C");
            server.shell("exit 3").name("fails").env("API_TOKEN", "tok-value");
        });
        assertThat(Files.readString(out)).isEqualTo("hunter2-value C");
        OperationOutcome write = run.result().outcomes().getFirst();
        assertThat(write.commands())
                .singleElement()
                .asString()
                .contains("export DB_PASSWORD='\\''****'\\''")
                .contains("LANG=C");
        assertThat(run.proposals().getFirst().entries().getFirst().commands())
                .singleElement()
                .asString()
                .contains("export DB_PASSWORD='\\''****'\\''");
        assertThat(run.result().outcomes().get(1).reason())
                .startsWith("exit 3: ")
                .contains("export API_TOKEN='\\''****'\\''");
        assertThat(run.shown()).doesNotContain("hunter2-value").doesNotContain("tok-value");
    }

    @Test
    void aGitUrlsPasswordIsMaskedInTheNameCommandsAndErrors() {
        String url = "https://deploy:tok-in-url@127.0.0.1:1/app.git";
        Run dry = run(true, host -> git.repo(url, dir.resolve("app").toString()));
        assertThat(dry.planNames())
                .containsExactly("Git repo: https://deploy:****@127.0.0.1:1/app.git at " + dir.resolve("app"));
        assertThat(dry.result().outcomes().getFirst().commands())
                .singleElement()
                .asString()
                .contains("https://deploy:****@127.0.0.1:1/app.git");

        // Nothing listens on port 1: the clone fails, and its error quotes the command as shown.
        Run real = run(false, host -> git.repo(url, dir.resolve("app").toString()));
        assertThat(real.result().outcomes().getFirst().status()).isEqualTo(OperationStatus.FAILED);
        assertThat(real.result().outcomes().getFirst().reason()).contains("deploy:****@");
        assertThat(dry.shown() + real.shown()).doesNotContain("tok-in-url");
    }

    @Test
    void aCheckoutOfAnotherUrlIsReportedWithoutEitherPassword() throws Exception {
        Path app = dir.resolve("app");
        Files.createDirectories(app);
        for (String[] cmd : List.of(new String[] {"git", "init", "-q", app.toString()}, new String[] {
            "git", "-C", app.toString(), "remote", "add", "origin", "https://old:old-secret@127.0.0.1:1/old.git"
        })) {
            assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
        }
        Run run = run(true, host -> git.repo("https://new:new-secret@127.0.0.1:1/app.git", app.toString()));
        assertThat(run.result().outcomes().getFirst().reason())
                .contains("old:****@")
                .contains("new:****@");
        assertThat(run.shown()).doesNotContain("old-secret").doesNotContain("new-secret");
    }

    @Test
    void noDiffHidesAnOperationsContentDiff() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "password = very-secret\n");
        Path shownDest = dir.resolve("shown.conf");
        Path hiddenDest = dir.resolve("hidden.conf");
        Run run = run(true, host -> {
            files.put(src.toString(), shownDest.toString()).name("shown");
            files.put(src.toString(), hiddenDest.toString()).name("hidden").noDiff();
        });
        assertThat(run.result().outcomes().get(0).diff()).contains("+password = very-secret");
        assertThat(run.result().outcomes().get(1).diff()).isEqualTo("content differs (diff hidden)");
    }
}
