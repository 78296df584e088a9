package dev.jinfra.cli;

import static dev.jinfra.cli.FaultPlan.HostFault.DROPPED;
import static dev.jinfra.cli.FaultPlan.HostFault.HEALTHY;
import static dev.jinfra.cli.FaultPlan.HostFault.HUNG_COMMAND;
import static dev.jinfra.cli.FaultPlan.HostFault.LOCKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A ten-operation deploy, and what it must report for a host with each fault of a {@link FaultPlan} and leave on
 * the host. Each host's files are in a directory of its own under {@code hosts}, since the in-process hosts
 * share this machine.
 */
record DeployContract(Path hosts, String connectTimeout, String commandTimeout) {
    static final int OPERATIONS = 10;

    void write(Path deployFile) throws IOException {
        Files.writeString(deployFile, """
                void deploy(Host host) {
                    String base = "%s/" + host.name();
                    files.directory(base).name("base directory");
                    files.directory(base + "/etc").name("etc directory");
                    files.directory(base + "/srv").name("srv directory");
                    files.directory(base + "/log", "750").name("log directory");
                    files.file(base + "/etc/app.conf", "640").name("config file");
                    files.line(base + "/etc/app.conf", "host=" + host.name()).name("host line");
                    files.line(base + "/etc/app.conf", "port=8080").name("port line");
                    files.directory(base + "/srv/releases").name("releases directory");
                    files.link(base + "/current", base + "/srv/releases").name("current link");
                    files.file(base + "/srv/releases/ready").name("ready file");
                }
                """.formatted(hosts));
    }

    Path hostDir(String host) {
        return hosts.resolve(host);
    }

    /** Whether the host shows the work of the operation with this number (1 to 10). */
    boolean did(String host, int operation) {
        Path base = hostDir(host);
        return switch (operation) {
            case 1 -> Files.isDirectory(base);
            case 2 -> Files.isDirectory(base.resolve("etc"));
            case 3 -> Files.isDirectory(base.resolve("srv"));
            case 4 -> Files.isDirectory(base.resolve("log"));
            case 5 -> Files.exists(base.resolve("etc/app.conf"));
            case 6 -> contains(base.resolve("etc/app.conf"), "host=" + host + "\n");
            case 7 -> contains(base.resolve("etc/app.conf"), "port=8080\n");
            case 8 -> Files.isDirectory(base.resolve("srv/releases"));
            case 9 -> Files.isSymbolicLink(base.resolve("current"));
            case 10 -> Files.exists(base.resolve("srv/releases/ready"));
            default -> throw new IllegalArgumentException("no operation " + operation);
        };
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false; // Not there yet, or being replaced.
        }
    }

    /** The work of all ten operations is on the host. */
    void assertAtTheEndState(String host, String as) throws IOException {
        Path base = hostDir(host);
        String about = as + ": " + host;
        for (String dir : List.of("", "etc", "srv", "log", "srv/releases")) {
            assertThat(base.resolve(dir)).as(about).isDirectory();
        }
        assertThat(Files.getPosixFilePermissions(base.resolve("log")))
                .as(about)
                .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.readString(base.resolve("etc/app.conf")))
                .as(about)
                .isEqualTo("host=" + host + "\nport=8080\n");
        assertThat(Files.readSymbolicLink(base.resolve("current"))).as(about).isEqualTo(base.resolve("srv/releases"));
        assertThat(base.resolve("srv/releases/ready")).as(about).isRegularFile();
    }

    /** A run without Ctrl-C: every host's state, its outcomes and what it has follow from its fault alone. */
    void assertOutcome(DeployRunOutput run, String host, FaultPlan plan, String context) throws IOException {
        FaultPlan.HostFault fault = plan.of(host);
        String as = context + ": " + host + " (" + fault + ") " + run.results.get(host) + " " + run.error(host);
        switch (fault) {
            case HEALTHY -> {
                assertThat(run.state(host)).as(as).isEqualTo("changed");
                assertThat(run.statuses(host)).as(as).hasSize(OPERATIONS).containsOnly("changed");
                assertAtTheEndState(host, as);
                return;
            }
            case REFUSED -> assertUnreachable(run, host, as, "connection refused");
            case HUNG_HANDSHAKE -> assertUnreachable(run, host, as, "SSH handshake timed out after " + connectTimeout);
            case CHANGED_KEY -> assertUnreachable(run, host, as, "host key changed: ");
            // Both fail at the first thing the run asks of them, reading their facts, so no operation runs there.
            case HUNG_COMMAND ->
                assertFailedBeforeAnyOperation(run, host, as, "reading facts timed out after " + commandTimeout);
            case DROPPED -> assertFailedBeforeAnyOperation(run, host, as, "reading facts failed: connection lost");
            case LOCKED -> {
                assertThat(run.state(host)).as(as).isEqualTo("failed");
                assertThat(run.error(host)).as(as).startsWith(plan.lockRefusal());
                assertThat(run.result(host, 1).get("status").asText()).as(as).isEqualTo("failed");
                assertThat(run.result(host, 1).get("reason").asText()).as(as).isEqualTo(run.error(host));
                assertThat(run.statuses(host).subList(1, OPERATIONS)).as(as).containsOnly("skipped");
            }
        }
        assertThat(hostDir(host)).as(as + ": nothing changed on it").doesNotExist();
    }

    private static void assertUnreachable(DeployRunOutput run, String host, String as, String error) {
        assertThat(run.state(host)).as(as).isEqualTo("unreachable");
        assertThat(run.error(host)).as(as).startsWith(error);
        assertThat(run.unreachableEvents).as(as).contains(host);
        assertThat(run.statuses(host)).as(as + ": not in the plan").isEmpty();
    }

    private static void assertFailedBeforeAnyOperation(DeployRunOutput run, String host, String as, String error) {
        assertThat(run.state(host)).as(as).isEqualTo("failed");
        assertThat(run.error(host)).as(as).isEqualTo(error);
        assertThat(run.statuses(host)).as(as).hasSize(OPERATIONS).containsOnly("skipped");
    }

    /**
     * A run stopped by Ctrl-C: a host may also not have started, be incomplete, or have been stopped in what it
     * was doing; otherwise its fault decides, as without Ctrl-C. A host with a fault never changes either way.
     */
    void assertOutcomeAfterCtrlC(DeployRunOutput run, String host, FaultPlan plan, String context) throws IOException {
        FaultPlan.HostFault fault = plan.of(host);
        String state = run.state(host);
        String as = context + ": " + host + " (" + fault + ", " + state + ") " + run.results.get(host) + " "
                + run.error(host);
        switch (state) {
            case "not_started" -> {
                assertThat(run.error(host)).as(as).contains("interrupted");
                assertThat(hostDir(host)).as(as).doesNotExist();
            }
            case "incomplete" -> {
                assertThat(run.error(host)).as(as).contains("interrupted");
                if (fault == HUNG_COMMAND || fault == DROPPED) {
                    // Stopped after it connected and before its facts were read: its fault never came up.
                    assertThat(run.statuses(host)).as(as).containsOnly("not_run");
                } else {
                    assertThat(fault)
                            .as(as + ": only a host that gets to its operations")
                            .isIn(HEALTHY, LOCKED);
                }
            }
            case "failed" -> {
                if (run.error(host).contains("interrupted")) {
                    assertThat(fault)
                            .as(as + ": only a host that gets to its operations")
                            .isIn(HEALTHY, LOCKED);
                } else {
                    assertOutcome(run, host, plan, context);
                }
            }
            default -> assertOutcome(run, host, plan, context);
        }
        if (fault != HEALTHY) {
            assertThat(hostDir(host)).as(as + ": nothing changed on it").doesNotExist();
        }
    }
}
