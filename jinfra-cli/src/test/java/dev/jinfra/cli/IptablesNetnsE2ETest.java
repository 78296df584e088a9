package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iptables.chain, iptables.rule and server.sysctl on a real kernel: jinfra runs inside a network namespace of the
 * test's own (ip netns), whose tables and net.* settings start fresh and vanish with it, so the machine's own
 * firewall and settings are never touched. The
 * deploy runs twice; the second run must change nothing.
 */
class IptablesNetnsE2ETest {
    @TempDir
    Path dir;

    @Test
    void aChainItsRulesAPolicyAndASysctlAreMadeOnARealKernelAndASecondRunChangesNothing() throws Exception {
        String namespace = "jinfra-ipt-" + ProcessHandle.current().pid();
        ProcessRun made = ProcessRun.of(List.of("ip", "netns", "add", namespace));
        assertThat(made.exitCode())
                .as("this test needs root, iproute2 and iptables (.ci/run installs them): " + made.out())
                .isZero();
        try {
            Path deploy = Files.writeString(dir.resolve("firewall.java"), """
                    import static dev.jinfra.deploy.Operations.*;

                    import dev.jinfra.inventory.Host;

                    void deploy(Host host) {
                        iptables.chain("JINFRA_WEB");
                        iptables.rule("JINFRA_WEB", "ACCEPT").arg("protocol", "tcp").arg("destinationPort", "443");
                        iptables.rule("JINFRA_WEB", "DROP").arg("source", "192.0.2.0/24");
                        iptables.rule("INPUT", "JINFRA_WEB").arg("protocol", "tcp");
                        iptables.chain("FORWARD").arg("policy", "DROP");
                        // A network namespace has its own net.* settings: this one stays inside it.
                        server.sysctl("net.ipv4.ip_forward", "1");
                    }
                    """);
            ProcessRun first = jinfraIn(namespace, deploy);
            assertThat(first.exitCode()).as(first.out()).isZero();
            assertThat(first.out()).contains("1 of 1 host succeeded: 1 changed");

            String rules = ProcessRun.of(List.of("ip", "netns", "exec", namespace, "iptables-save", "-t", "filter"))
                    .out();
            assertThat(rules)
                    .contains(":FORWARD DROP")
                    .contains(":JINFRA_WEB - ")
                    .contains("-A JINFRA_WEB -p tcp -m tcp --dport 443 -j ACCEPT")
                    .contains("-A JINFRA_WEB -s 192.0.2.0/24 -j DROP")
                    .contains("-A INPUT -p tcp -j JINFRA_WEB");
            assertThat(ProcessRun.of(List.of("ip", "netns", "exec", namespace, "sysctl", "-n", "net.ipv4.ip_forward"))
                            .out()
                            .strip())
                    .isEqualTo("1");

            ProcessRun second = jinfraIn(namespace, deploy);
            assertThat(second.exitCode()).as(second.out()).isZero();
            assertThat(second.out()).contains("1 of 1 host succeeded: 0 changed, 1 unchanged");
            assertThat(ProcessRun.of(List.of("ip", "netns", "exec", namespace, "iptables-save", "-t", "filter"))
                            .out()
                            .lines()
                            .filter(l -> l.startsWith("-A "))
                            .count())
                    .as("no rule added twice")
                    .isEqualTo(3);
        } finally {
            ProcessRun.of(List.of("ip", "netns", "delete", namespace));
        }
    }

    /** jinfra's command line, run on this machine (@local) inside the namespace. */
    private ProcessRun jinfraIn(String namespace, Path deploy) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, java));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jinfra.cli.Main"));
        command.addAll(List.of("@local", deploy.toString(), "--yes", "--progress", "never"));
        return ProcessRun.of(command, dir);
    }
}
