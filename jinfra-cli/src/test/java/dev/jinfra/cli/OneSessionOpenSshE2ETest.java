package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sshd with {@code MaxSessions 1}: a connection may have one channel open at a time, so it refuses the
 * channel jinfra opens ahead for the next command. Every operation of a deploy still runs, each on a channel of
 * its own.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(value = 1, maxSessions = 1)
class OneSessionOpenSshE2ETest {
    @TempDir
    Path cwd;

    @Test
    void aDeployOfSeveralCommandsRunsThemAll(OpenSshFleet fleet) throws Exception {
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String d = "%s/" + host.name();
                    for (int i = 1; i <= 4; i++) {
                        server.shell("mkdir -p " + d + " && echo step" + i + " >> " + d + "/log").name("Step " + i);
                    }
                }
                """.formatted(cwd));
        CliRun r = CliRun.run(cwd, fleet.inventoryFile().toString(), "deploy.java", "--yes", "-v");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        for (var host : fleet.hosts()) {
            assertThat(Files.readAllLines(cwd.resolve(host.name()).resolve("log")))
                    .as(r.toString())
                    .containsExactly("step1", "step2", "step3", "step4");
        }
    }
}
