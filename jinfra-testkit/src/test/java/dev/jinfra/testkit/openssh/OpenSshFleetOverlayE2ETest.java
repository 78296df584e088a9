package dev.jinfra.testkit.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With overlays, what a session changes in /etc, /home, /var and /usr stays on its host: another host and
 * the machine itself do not see it, while the fleet directory stays shared.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(value = 2, overlay = true)
class OpenSshFleetOverlayE2ETest {
    private static final String USER = "jinfra-overlay-probe";
    private static final String MARKER = "jinfra overlay probe line";
    /** One file per overlaid tree. */
    private static final List<String> FILES = List.of(
            "/etc/jinfra-overlay-probe",
            "/home/jinfra-overlay-probe",
            "/var/lib/jinfra-overlay-probe",
            "/usr/local/jinfra-overlay-probe");

    @Test
    void changesOnOneHostStayThere(OpenSshFleet fleet) throws Exception {
        var h1 = fleet.hosts().get(0);
        var h2 = fleet.hosts().get(1);
        // Nothing is written unless the host really sees overlays: otherwise this test would change the machine.
        Run fs = run(fleet.sshCommand(h1, "stat -f -c %T /etc /home /var /usr"));
        assertThat(fs.out().lines().toList())
                .as(fs.toString())
                .containsExactly("overlayfs", "overlayfs", "overlayfs", "overlayfs");
        assertThat(Path.of("/etc/motd"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(),
                        p -> assertThat(p).content().doesNotContain(MARKER));

        StringBuilder write = new StringBuilder("set -e; useradd " + USER + "; echo '" + MARKER + "' >> /etc/motd");
        for (String f : FILES) {
            write.append("; echo $FLEET_HOST > ").append(f);
        }
        // The fleet directory is the real one inside the host even when it lies below /var or /home.
        write.append("; echo from-host > ").append(fleet.dir().resolve("written-by-h1"));
        Run w = run(fleet.sshCommand(h1, write.toString()));
        assertThat(w.exitCode()).as(w.toString()).isZero();

        Run same = run(fleet.sshCommand(
                h1, "id -u " + USER + " && grep -c '" + MARKER + "' /etc/motd && cat " + String.join(" ", FILES)));
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).endsWith("1\n" + (h1.name() + "\n").repeat(FILES.size()));

        // id's complaint goes nowhere: it reaches stderr in pieces that can interleave with the stdout checked below.
        String absent = "! id " + USER + " 2>/dev/null && ! grep -q '" + MARKER + "' /etc/motd && for f in "
                + String.join(" ", FILES) + "; do test ! -e $f || exit 1; done";
        Run other = run(fleet.sshCommand(h2, absent + " && cat " + fleet.dir().resolve("written-by-h1")));
        assertThat(other.exitCode())
                .as("h2 must not see h1's changes: " + other)
                .isZero();
        assertThat(other.out()).endsWith("from-host\n");

        Run machine = run(List.of("sh", "-c", absent));
        assertThat(machine.exitCode())
                .as("this machine must not see h1's changes: " + machine)
                .isZero();
        assertThat(fleet.dir().resolve("written-by-h1")).hasContent("from-host");

        // The changes are h1's upper layer; h2's has none of them.
        assertThat(fleet.overlayDir(h1).resolve("upper/etc/passwd")).content().contains(USER + ":");
        assertThat(fleet.overlayDir(h1).resolve("upper/usr/local/jinfra-overlay-probe"))
                .hasContent(h1.name());
        assertThat(fleet.overlayDir(h2).resolve("upper/etc/passwd")).doesNotExist();
        Files.delete(fleet.dir().resolve("written-by-h1"));
    }

    private record Run(int exitCode, String out) {
        @Override
        public String toString() {
            return "exit " + exitCode + ": " + out;
        }
    }

    private static Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
        return new Run(p.exitValue(), out);
    }
}
