package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets jinfra cannot reach by any connector: one line each, before any host is touched, exit code 2. */
class TargetErrorsTest {
    @TempDir
    Path cwd;

    @Test
    void anUnknownTargetKindIsOneLineNamingIt() {
        CliRun r = CliRun.run(cwd, "web-1,@dokcer/web", "exec", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: command line: unknown target '@dokcer/web' (expected @local, @docker/NAME,"
                        + " @podman/NAME or @chroot/PATH)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownConnectorInAnInventoryFileIsOneLineAtItsPlace() throws Exception {
        Files.writeString(cwd.resolve("inventory.yaml"), """
                hosts:
                  box:
                    connector: lxd
                """);
        CliRun r = CliRun.run(cwd, "inventory.yaml", "exec", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: inventory.yaml:3: host box: connector must be ssh, local, docker, podman or"
                        + " chroot, not 'lxd'\n");
    }
}
