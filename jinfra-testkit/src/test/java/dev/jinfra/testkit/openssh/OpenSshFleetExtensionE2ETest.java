package dev.jinfra.testkit.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension starts one fleet for the class (and its nested classes) and injects it. */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(3)
class OpenSshFleetExtensionE2ETest {

    static OpenSshFleet classFleet;

    @BeforeAll
    static void remember(OpenSshFleet fleet) {
        classFleet = fleet;
    }

    @Test
    void injectsTheClassFleetWithTheAnnotatedSize(OpenSshFleet fleet) {
        assertThat(fleet).isSameAs(classFleet);
        assertThat(fleet.hosts()).hasSize(3);
        assertThat(fleet.pids()).allMatch(OpenSshFleet::isRunning);
    }

    @Test
    void lastHostAnswers(OpenSshFleet fleet) throws Exception {
        var host = fleet.hosts().getLast();
        Process p = new ProcessBuilder(fleet.sshCommand(host, "echo $FLEET_HOST"))
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("h3");
    }

    @Nested
    class Inner {
        @Test
        void sharesTheOuterFleet(OpenSshFleet fleet) {
            assertThat(fleet).isSameAs(classFleet);
        }
    }
}
