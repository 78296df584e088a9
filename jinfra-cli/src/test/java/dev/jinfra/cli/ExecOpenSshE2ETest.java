package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** jinfra exec against real OpenSSH sshd hosts on loopback (as many as -Djinfra.e2e.hosts says; CI runs 50). */
@ExtendWith(OpenSshFleetExtension.class)
class ExecOpenSshE2ETest {
    @TempDir
    Path cwd;

    static Map<String, JsonNode> hostResults(CliRun r) throws Exception {
        var json = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : r.outLines()) {
            objects.add(json.readTree(line));
        }
        return objects.stream()
                .filter(o -> o.get("type").asText().equals("host"))
                .collect(Collectors.toMap(o -> o.get("host").asText(), o -> o));
    }

    @Test
    void everyRealHostAnswersAsItself(OpenSshFleet fleet) throws Exception {
        CliRun r =
                CliRun.run(cwd, fleet.inventoryFile().toString(), "exec", "--json", "--", "echo $FLEET_HOST; hostname");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        Map<String, JsonNode> results = hostResults(r);
        assertThat(results).hasSize(fleet.hosts().size());
        for (OpenSshFleet.Host h : fleet.hosts()) {
            JsonNode result = results.get(h.name());
            assertThat(result.get("state").asText()).isEqualTo("succeeded");
            assertThat(result.get("stdout").asText()).isEqualTo(h.name() + "\n" + h.name() + "\n");
        }
    }

    @Test
    void sudoRunsTheCommandAsAnotherUser(OpenSshFleet fleet) throws Exception {
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--json",
                "--sudo-user",
                "nobody",
                "--chdir",
                "/",
                "--",
                "id -un; pwd");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        // (sudo may also warn on stderr that the test hosts' names do not resolve: only stdout is asserted.)
        assertThat(hostResults(r).values())
                .hasSize(fleet.hosts().size())
                .allSatisfy(result -> assertThat(result.get("stdout").asText()).isEqualTo("nobody\n/\n"));
    }

    @Test
    void classicalKeyExchangeCanBeChosen(OpenSshFleet fleet) {
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--data",
                "ssh_kex_algorithms=curve25519-sha256",
                "--",
                "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains(fleet.hosts().size() + " of " + fleet.hosts().size() + " hosts succeeded");
    }

    @Test
    void thePostQuantumHybridWorksWithOpenSsh(OpenSshFleet fleet) {
        // Forces jinfra's own sntrup761x25519 client (shared KEM key pairs) against OpenSSH's server side.
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--data",
                "ssh_kex_algorithms=sntrup761x25519-sha512@openssh.com",
                "--",
                "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains(fleet.hosts().size() + " of " + fleet.hosts().size() + " hosts succeeded");
    }

    @Test
    void aChangedHostKeyIsRefusedForThatHostOnly(OpenSshFleet fleet) throws Exception {
        // Give the second host the first host's key in a copy of known_hosts: to jinfra, its key "changed".
        List<String> lines = Files.readAllLines(fleet.knownHostsFile());
        OpenSshFleet.Host second = fleet.hosts().get(1);
        String firstKey = lines.getFirst().substring(lines.getFirst().indexOf(' ') + 1);
        List<String> tampered = new ArrayList<>();
        for (String l : lines) {
            tampered.add(l.startsWith(second.address() + " ") ? second.address() + " " + firstKey : l);
        }
        Path knownHosts = Files.write(cwd.resolve("known_hosts"), tampered);
        String secondKey = lines.stream()
                .filter(l -> l.startsWith(second.address() + " "))
                .findFirst()
                .orElseThrow();
        org.junit.jupiter.api.Assumptions.assumeFalse(secondKey.endsWith(firstKey), "hosts share a key");

        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--data",
                "ssh_known_hosts_file=" + knownHosts,
                "--",
                "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out()).contains("── " + second.name() + " (1 host) ── unreachable: host key changed");
        assertThat(r.out())
                .contains(
                        (fleet.hosts().size() - 1) + " of " + fleet.hosts().size() + " hosts succeeded; 1 unreachable");
    }

    @Test
    void aKnownHostsFileHashedByOpenSshIsReadAndStillCatchesAChangedKey(OpenSshFleet fleet) throws Exception {
        // The same tampering as above, then hashed by ssh-keygen -H (Debian's default HashKnownHosts form):
        // every other host must match its hashed line, and the second host's line must still be "changed".
        List<String> lines = Files.readAllLines(fleet.knownHostsFile());
        String firstKey = lines.getFirst().substring(lines.getFirst().indexOf(' ') + 1);
        // Fleet hosts may share host keys: the victim is the first host whose key differs from the first's.
        OpenSshFleet.Host second = fleet.hosts().stream()
                .filter(h -> lines.stream().anyMatch(l -> l.startsWith(h.address() + " ") && !l.endsWith(firstKey)))
                .findFirst()
                .orElseThrow();
        List<String> tampered = new ArrayList<>();
        for (String l : lines) {
            tampered.add(l.startsWith(second.address() + " ") ? second.address() + " " + firstKey : l);
        }
        Path knownHosts = Files.write(cwd.resolve("known_hosts_hashed"), tampered);
        Process keygen = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString())
                .redirectErrorStream(true)
                .start();
        String keygenOut = new String(keygen.getInputStream().readAllBytes());
        assertThat(keygen.waitFor()).as(keygenOut).isZero();
        assertThat(Files.readAllLines(knownHosts)).isNotEmpty().allMatch(l -> l.startsWith("|1|"));

        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--data",
                "ssh_known_hosts_file=" + knownHosts,
                "--",
                "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out()).contains("── " + second.name() + " (1 host) ── unreachable: host key changed");
        assertThat(r.out())
                .contains(
                        (fleet.hosts().size() - 1) + " of " + fleet.hosts().size() + " hosts succeeded; 1 unreachable");
    }

    @Test
    void everyOtherHostThroughOneJumpHostIsOneLoginThere(OpenSshFleet fleet) throws Exception {
        OpenSshFleet.Host jump = fleet.hosts().get(0);
        Path log = fleet.dir().resolve("fleet/log/" + jump.name() + ".log");
        long before = acceptedLogins(log);
        int targets = fleet.hosts().size() - 1;
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--limit",
                "all:!" + jump.name(),
                "--data",
                "ssh_proxy_jump=root@" + jump.address(),
                "--",
                "echo $FLEET_HOST");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains(targets + " of " + targets + " hosts succeeded");
        assertThat(r.err())
                .contains("jinfra: jump host " + jump.address() + ": " + targets + " targets over 1 connection");
        // sshd logs each login: the jump host saw one, carrying a forwarded connection per target.
        assertThat(acceptedLogins(log) - before).isEqualTo(1);

        // The JSON says which jump host each host went through.
        CliRun json = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--limit",
                fleet.hosts().get(1).name(),
                "--data",
                "ssh_proxy_jump=root@" + jump.address(),
                "--json",
                "--",
                "true");
        JsonNode host = new ObjectMapper()
                .readTree(json.outLines().stream()
                        .filter(l -> l.startsWith("{\"type\":\"host\""))
                        .findFirst()
                        .orElseThrow());
        assertThat(host.get("via")).hasSize(1);
        assertThat(host.get("via").get(0).asText()).contains(jump.address());
    }

    /**
     * Half the hosts behind one bastion, half behind another; the first bastion's connection is killed while
     * the command runs (its sshd's session processes, which this fleet started): its targets fail, the others
     * finish as if nothing happened.
     */
    @Test
    void aBastionLostMidRunTakesItsTargetsAndNothingElse(OpenSshFleet fleet) throws Exception {
        OpenSshFleet.Host lost = fleet.hosts().get(0);
        OpenSshFleet.Host kept = fleet.hosts().get(1);
        List<OpenSshFleet.Host> targets = fleet.hosts().subList(2, fleet.hosts().size());
        Path inventory = behindBastions(fleet, List.of(lost, kept), targets, "behind-bastions.yaml");
        List<String> behindLost = new ArrayList<>();
        for (int i = 0; i < targets.size(); i += 2) {
            behindLost.add(targets.get(i).name());
        }
        Path log = fleet.dir().resolve("fleet/log/" + lost.name() + ".log");
        long before = acceptedLogins(log);

        var run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> CliRun.run(cwd, inventory.toString(), "exec", "--", "sleep 6; echo done"));
        // Once the bastion carries its targets (its login is logged), and their commands have started, it goes.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (acceptedLogins(log) == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3000);
        ProcessHandle.of(fleet.pids().get(0)).orElseThrow().descendants().forEach(ProcessHandle::destroyForcibly);
        CliRun r = run.get(60, java.util.concurrent.TimeUnit.SECONDS);

        int keptCount = targets.size() - behindLost.size();
        assertThat(r.out())
                .as(r.toString())
                .contains(keptCount + " of " + targets.size() + " hosts succeeded")
                .contains("(" + keptCount + " hosts) ── exit 0\ndone\n");
        List<String> failedHosts = Files.readAllLines(cwd.resolve(".jinfra/failed-hosts")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        assertThat(failedHosts).containsExactlyInAnyOrderElementsOf(behindLost);
        // Their report says which connection went.
        assertThat(r.out()).contains("! [jinfra: the connection to jump host " + lost.address() + " was lost]");
    }

    /**
     * The fleet's first ten hosts as bastions and every other host behind one of them (host i behind bastion
     * i mod 10): an exec and a deploy, run twice, each make exactly one login per bastion and run.
     */
    @Test
    void tenBastionsEachCarryTheirTargetsOnOneLoginForExecAndForADeploy(OpenSshFleet fleet) throws Exception {
        List<OpenSshFleet.Host> bastions = fleet.hosts().subList(0, 10);
        List<OpenSshFleet.Host> targets =
                fleet.hosts().subList(10, fleet.hosts().size());
        Path inventory = behindBastions(fleet, bastions, targets, "behind-ten-bastions.yaml");
        // A directory of this run's own: the hosts' /root outlives a test that is run again.
        String dir = "/root/behind-bastion-" + System.nanoTime();
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory("%1$s", "750");
                    files.file("%1$s/name", "640");
                    files.line("%1$s/name", "name = " + host.name());
                }
                """.formatted(dir));
        int n = targets.size();
        List<String[]> runs = List.of(
                new String[] {inventory.toString(), "exec", "--", "echo $FLEET_HOST"},
                new String[] {inventory.toString(), "deploy.java", "--yes"},
                new String[] {inventory.toString(), "deploy.java", "--yes"});
        List<String> expected = List.of(
                n + " of " + n + " hosts succeeded",
                n + " of " + n + " hosts succeeded: " + n + " changed, 0 unchanged",
                n + " of " + n + " hosts succeeded: 0 changed, " + n + " unchanged");
        for (int run = 0; run < runs.size(); run++) {
            List<Long> before = new ArrayList<>();
            for (OpenSshFleet.Host b : bastions) {
                before.add(acceptedLogins(fleet.dir().resolve("fleet/log/" + b.name() + ".log")));
            }
            CliRun r = CliRun.run(cwd, runs.get(run));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).contains(expected.get(run));
            for (int i = 0; i < bastions.size(); i++) {
                Path log = fleet.dir().resolve("fleet/log/" + bastions.get(i).name() + ".log");
                assertThat(acceptedLogins(log) - before.get(i))
                        .as("logins on bastion %s in run %d", bastions.get(i).name(), run + 1)
                        .isEqualTo(1);
            }
        }
    }

    /** An inventory of {@code targets}, target i reached through bastion i mod the number of bastions. */
    Path behindBastions(
            OpenSshFleet fleet, List<OpenSshFleet.Host> bastions, List<OpenSshFleet.Host> targets, String file)
            throws Exception {
        StringBuilder yaml = new StringBuilder()
                .append("data:\n  ssh_user: root\n  ssh_key: ")
                .append(fleet.clientKeyFile())
                .append("\n  ssh_known_hosts_file: ")
                .append(fleet.knownHostsFile())
                .append("\nhosts:\n");
        for (int i = 0; i < targets.size(); i++) {
            OpenSshFleet.Host t = targets.get(i);
            OpenSshFleet.Host b = bastions.get(i % bastions.size());
            yaml.append("  ")
                    .append(t.name())
                    .append(": { ssh_hostname: ")
                    .append(t.address())
                    .append(", ssh_port: ")
                    .append(t.port())
                    .append(", ssh_proxy_jump: \"root@")
                    .append(b.address())
                    .append(":")
                    .append(b.port())
                    .append("\" }\n");
        }
        return Files.writeString(cwd.resolve(file), yaml);
    }

    static long acceptedLogins(Path sshdLog) throws Exception {
        try (var lines = Files.lines(sshdLog)) {
            return lines.filter(l -> l.contains("Accepted publickey")).count();
        }
    }

    @Test
    void aHostCanBeReachedThroughAJumpHost(OpenSshFleet fleet) {
        OpenSshFleet.Host jump = fleet.hosts().get(0);
        OpenSshFleet.Host target = fleet.hosts().get(2);
        CliRun r = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--limit",
                target.name(),
                "--data",
                "ssh_proxy_jump=root@" + jump.address(),
                "--",
                "echo $FLEET_HOST");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("── " + target.name() + " (1 host) ── exit 0\n" + target.name() + "\n");

        // The jump is really taken: through a jump host that does not answer, the target cannot be reached.
        CliRun viaNowhere = CliRun.run(
                cwd,
                fleet.inventoryFile().toString(),
                "exec",
                "--limit",
                target.name(),
                "--data",
                "ssh_proxy_jump=root@127.77.250.250",
                "--",
                "true");
        assertThat(viaNowhere.exitCode()).as(viaNowhere.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
    }
}
