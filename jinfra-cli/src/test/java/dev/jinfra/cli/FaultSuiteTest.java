package dev.jinfra.cli;

import static dev.jinfra.cli.FaultPlan.HostFault.CHANGED_KEY;
import static dev.jinfra.cli.FaultPlan.HostFault.DROPPED;
import static dev.jinfra.cli.FaultPlan.HostFault.HEALTHY;
import static dev.jinfra.cli.FaultPlan.HostFault.HUNG_COMMAND;
import static dev.jinfra.cli.FaultPlan.HostFault.HUNG_HANDSHAKE;
import static dev.jinfra.cli.FaultPlan.HostFault.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability contract, on an in-process fleet of {@link #HOSTS} hosts (300 unless {@code -Dfaults.hosts=N})
 * of which 5 % refuse connections, 5 % hang in the SSH handshake, 5 % hang in every command, 2 % drop the
 * connection in the middle of a command, one presents a changed host key and one is locked by another jinfra run
 * ({@link FaultPlan}). For exec and for a ten-operation deploy: every host ends in the state its fault dictates
 * ({@link ExecContract}, {@link DeployContract}); Ctrl-C at a random point still leaves every host, and every
 * host × operation, with exactly one outcome; in every run the summary, the JSON events, the exit code and
 * {@code .jinfra/failed-hosts} agree; and once the faults are gone, {@code --retry failed} brings every host to
 * the end state without touching the hosts that had succeeded. The faults and the points of Ctrl-C come from one
 * seed, given in every assertion message; {@code -Dfaults.seed=N} replays a run.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultSuiteTest {
    static final int HOSTS = Integer.parseInt(property("jinfra.faults.hosts", "300"));
    static final long SEED = Long.parseLong(property("jinfra.faults.seed", "20261206"));

    /**
     * Hosts worked on at once. The whole fleet runs on this machine's cores, beside jinfra: with every host at once,
     * a healthy host's command can wait longer for the CPU than any timeout that keeps the hung hosts cheap.
     */
    static final String PARALLEL = "100";

    /**
     * Long enough for a healthy host's handshake in a JVM that has just started (its first key exchanges are
     * slow) on a loaded machine, short enough that the hung handshakes cost little.
     */
    static final String CONNECT_TIMEOUT = "10s";

    static final String COMMAND_TIMEOUT = "5s";

    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(HOSTS);

    @TempDir
    Path cwd;

    ExecContract exec;
    DeployContract deploy;
    FaultPlan plan;

    @BeforeEach
    void drawTheFaults() throws Exception {
        exec = new ExecContract(Files.createDirectories(cwd.resolve("marks")), CONNECT_TIMEOUT, COMMAND_TIMEOUT);
        deploy = new DeployContract(cwd.resolve("hosts"), CONNECT_TIMEOUT, COMMAND_TIMEOUT);
        deploy.write(cwd.resolve("deploy.java"));
        plan = FaultPlan.draw(fleet().hostNames(), SEED);
        plan.applyTo(fleet());
        System.out.println("fault suite: " + HOSTS + " hosts, " + plan);
    }

    /**
     * The random numbers of one test, from the seed. SplittableRandom mixes its seed, so the tests' sequences
     * (and those of neighbouring seeds) do not follow each other as java.util.Random's first numbers do.
     */
    static SplittableRandom random(int test) {
        return new SplittableRandom(SEED * 31 + test);
    }

    static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    List<String> execArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of(fleet().inventoryYaml().toString(), "exec"));
        args.addAll(List.of("-p", PARALLEL, "--connect-timeout", CONNECT_TIMEOUT, "-t", COMMAND_TIMEOUT));
        args.addAll(List.of(extra));
        args.addAll(List.of("--", exec.command()));
        return args;
    }

    List<String> deployArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of(fleet().inventoryYaml().toString(), "deploy.java", "--yes"));
        args.addAll(List.of("-p", PARALLEL, "--connect-timeout", CONNECT_TIMEOUT, "-t", COMMAND_TIMEOUT));
        args.addAll(List.of(extra));
        return args;
    }

    /** jinfra in this JVM; how long it took goes to the test's output, to watch the suite's cost. */
    CliRun run(List<String> args) {
        long start = System.nanoTime();
        CliRun r = CliRun.run(cwd, args.toArray(String[]::new));
        System.out.printf(
                "fault suite: %s took %d ms%n",
                String.join(" ", args.subList(1, args.size())), (System.nanoTime() - start) / 1_000_000);
        return r;
    }

    @Test
    void execOnAFaultyFleetGivesEveryHostTheOutcomeOfItsFaultAndRetryFinishesIt() throws Exception {
        String context = "exec, " + plan;
        ExecRunOutput run = ExecRunOutput.of(run(execArgs("--json")), cwd);
        run.assertAgreement(plan.hosts(), context);
        for (String host : plan.hosts()) {
            exec.assertOutcome(run, host, plan.of(host), context);
        }
        assertThat(run.exitCode).as(context).isEqualTo(ExitCode.HOSTS_FAILED);

        // The same faults without --json: the summary line counts what the JSON did, and the retry file is the same.
        CliRun human = run(execArgs());
        assertThat(human.exitCode()).as(context + "\n" + human).isEqualTo(run.exitCode);
        assertThat(SummaryLine.counts(human.out()))
                .as(context + "\n" + human)
                .isEqualTo(SummaryLine.named(Map.of(
                        "hosts", HOSTS,
                        "succeeded", run.hostsIn("succeeded").size(),
                        "failed", run.hostsIn("failed").size(),
                        "timed out", run.hostsIn("timed_out").size(),
                        "unreachable", run.hostsIn("unreachable").size())));
        assertThat(FailedHostsFile.read(cwd).byState()).as(context).isEqualTo(run.retryFile.byState());

        retryExecWithoutFaults(run.hostsIn("succeeded"), context);
    }

    @Test
    void execStoppedByCtrlCAtARandomPointAccountsForEveryHostAndRetryFinishesIt() throws Exception {
        // Each host that gets past the handshake opens a session and receives one command; the point is drawn
        // from the first nine tenths of that, while the hung commands still hold the run open.
        int running = HOSTS
                - plan.hostsWith(REFUSED).size()
                - plan.hostsWith(HUNG_HANDSHAKE).size()
                - plan.hostsWith(CHANGED_KEY).size();
        var point = CtrlCPoint.atProgress(1 + random(1).nextLong(2L * running * 9 / 10), fleet());
        String context = "exec with Ctrl-C " + point + " of about " + 2 * running + ", " + plan;

        CtrlCRun stopped = CtrlCRun.at(point, cwd, execArgs("--json"), context);
        ExecRunOutput run = new ExecRunOutput(stopped.exitCode(), stopped.out(), stopped.err(), cwd);
        run.assertAgreement(plan.hosts(), context);
        assertThat(run.exitCode).as(context + "\n" + run).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(stopped.err()).as(context).contains("jinfra: interrupted: stopping");
        for (String host : plan.hosts()) {
            exec.assertOutcomeAfterCtrlC(run, host, plan.of(host), context);
        }
        System.out.println("fault suite: " + context + ": " + run.summary);

        retryExecWithoutFaults(run.hostsIn("succeeded"), context);
    }

    /** With the faults gone, --retry failed runs on exactly the hosts that did not succeed, and they all do. */
    void retryExecWithoutFaults(Set<String> succeeded, String context) throws Exception {
        List<String> toRetry =
                plan.hosts().stream().filter(h -> !succeeded.contains(h)).toList();
        plan.clearFrom(fleet());
        ExecRunOutput retry = ExecRunOutput.of(run(execArgs("--retry", "failed", "--json")), cwd);
        String as = "retry after " + context;
        retry.assertAgreement(toRetry, as);
        assertThat(retry.exitCode).as(as + "\n" + retry).isEqualTo(ExitCode.OK);
        assertThat(retry.retryFile.allHosts()).as(as).isEmpty();
        for (String host : plan.hosts()) {
            assertThat(exec.marked(host))
                    .as(as + ": " + host + " ran the command")
                    .isTrue();
        }
        assertNotRunAgain(succeeded, as);
    }

    @Test
    void deployOnAFaultyFleetGivesEveryHostTheOutcomeOfItsFaultAndRetryFinishesIt() throws Exception {
        String context = "deploy, " + plan;
        DeployRunOutput run = DeployRunOutput.of(run(deployArgs("--json")), cwd);
        run.assertAgreement(plan.hosts(), context);
        for (String host : plan.hosts()) {
            deploy.assertOutcome(run, host, plan, context);
        }
        assertThat(run.exitCode).as(context).isEqualTo(ExitCode.HOSTS_FAILED);
        plan.assertOnlyTheForeignLock(fleet(), true, context);

        // Again without --json: the healthy hosts have nothing left to do, the others fail as before; the summary
        // line counts that, and the retry file lists the same hosts.
        CliRun human = run(deployArgs());
        int healthy = plan.hostsWith(HEALTHY).size();
        assertThat(human.exitCode()).as(context + "\n" + human).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(SummaryLine.counts(human.out()))
                .as(context + "\n" + human)
                .isEqualTo(SummaryLine.named(Map.of(
                        "hosts",
                        HOSTS,
                        "succeeded",
                        healthy,
                        "changed",
                        0,
                        "unchanged",
                        healthy,
                        "failed",
                        plan.hostsWith(HUNG_COMMAND).size()
                                + plan.hostsWith(DROPPED).size()
                                + 1,
                        "unreachable",
                        plan.hostsWith(REFUSED).size()
                                + plan.hostsWith(HUNG_HANDSHAKE).size()
                                + 1)));
        assertThat(FailedHostsFile.read(cwd).byState()).as(context).isEqualTo(run.retryFile.byState());

        retryDeployWithoutFaults(run.retryFile.allHosts(), context);
    }

    @Test
    void deployStoppedByCtrlCAtARandomPointAccountsForEveryOperationAndRetryFinishesIt() throws Exception {
        var point = CtrlCPoint.inDeploy(random(2), fleet(), deploy, plan.hostsWith(HEALTHY));
        String context = "deploy with Ctrl-C " + point + ", " + plan;

        CtrlCRun stopped = CtrlCRun.at(point, cwd, deployArgs("--json"), context);
        DeployRunOutput run = new DeployRunOutput(stopped.exitCode(), stopped.out(), stopped.err(), cwd);
        run.assertAgreement(plan.hosts(), context);
        assertThat(run.exitCode).as(context + "\n" + run).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(run.interrupted()).as(context).isTrue();
        assertThat(stopped.err()).as(context).contains("jinfra: interrupted: stopping");
        for (String host : plan.hosts()) {
            deploy.assertOutcomeAfterCtrlC(run, host, plan, context);
        }
        plan.assertOnlyTheForeignLock(fleet(), true, context);
        System.out.println("fault suite: " + context + ": " + run.summary);

        retryDeployWithoutFaults(run.retryFile.allHosts(), context);
    }

    @Test
    void ctrlCWithoutJsonEndsWithASummaryLineThatAgreesWithTheRetryFileAndTheExitCode() throws Exception {
        SplittableRandom random = random(3);
        var execPoint = CtrlCPoint.atProgress(1 + random.nextLong(HOSTS), fleet());
        String context = "exec without --json, Ctrl-C " + execPoint + ", " + plan;
        CtrlCRun stopped = CtrlCRun.at(execPoint, cwd, execArgs(), context);
        assertStoppedRunAgrees(stopped, context);
        for (var fault : List.of(REFUSED, HUNG_HANDSHAKE, CHANGED_KEY, HUNG_COMMAND, DROPPED)) {
            assertThat(plan.hostsWith(fault))
                    .as(context + ": whatever their state, they did not succeed")
                    .isSubsetOf(FailedHostsFile.read(cwd).allHosts());
        }
        assertOnlyFaultsMakeHostsUnreachable(stopped, context);
        assertThat(FailedHostsFile.read(cwd).hosts("timed out"))
                .as(context + ": only a hung command times out")
                .isSubsetOf(plan.hostsWith(HUNG_COMMAND));

        fleet().clearHistory();
        var deployPoint = CtrlCPoint.inDeploy(random, fleet(), deploy, plan.hostsWith(HEALTHY));
        context = "deploy without --json, Ctrl-C " + deployPoint + ", " + plan;
        stopped = CtrlCRun.at(deployPoint, cwd, deployArgs(), context);
        assertStoppedRunAgrees(stopped, context);
        assertThat(plan.hosts().stream().filter(h -> plan.of(h) != HEALTHY).toList())
                .as(context + ": whatever their state, they did not succeed")
                .isSubsetOf(FailedHostsFile.read(cwd).allHosts());
        assertOnlyFaultsMakeHostsUnreachable(stopped, context);
        plan.assertOnlyTheForeignLock(fleet(), true, context);
    }

    /** Ctrl-C stops hosts; it does not make them unreachable. */
    void assertOnlyFaultsMakeHostsUnreachable(CtrlCRun stopped, String context) throws Exception {
        List<String> cannotBeReached = new ArrayList<>(plan.hostsWith(REFUSED));
        cannotBeReached.addAll(plan.hostsWith(HUNG_HANDSHAKE));
        cannotBeReached.addAll(plan.hostsWith(CHANGED_KEY));
        assertThat(FailedHostsFile.read(cwd).hosts("unreachable"))
                .as(context + ": only hosts that cannot be reached are unreachable\n"
                        + stopped.out()
                                .lines()
                                .filter(l -> l.startsWith("unreachable: "))
                                .toList())
                .isSubsetOf(cannotBeReached);
    }

    void assertStoppedRunAgrees(CtrlCRun stopped, String context) throws Exception {
        String as = context + "\n" + stopped.out() + stopped.err();
        assertThat(stopped.exitCode()).as(as).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(stopped.err()).as(as).contains("jinfra: interrupted: stopping");
        assertThat(stopped.out()).as(as).contains(" (interrupted)");
        SummaryLine.assertAgreement(stopped.out(), FailedHostsFile.read(cwd), HOSTS, context);
        System.out.println("fault suite: " + context + ": "
                + stopped.out().lines().filter(l -> l.contains("(interrupted)")).toList());
    }

    /** With the faults gone, --retry failed deploys on exactly the hosts that did not succeed, and they all do. */
    void retryDeployWithoutFaults(Set<String> notSucceeded, String context) throws Exception {
        Set<String> succeeded = new TreeSet<>(plan.hosts());
        succeeded.removeAll(notSucceeded);
        plan.clearFrom(fleet());
        DeployRunOutput retry = DeployRunOutput.of(run(deployArgs("--retry", "failed", "--json")), cwd);
        String as = "retry after " + context;
        retry.assertAgreement(
                plan.hosts().stream().filter(notSucceeded::contains).toList(), as);
        assertThat(retry.exitCode).as(as + "\n" + retry).isEqualTo(ExitCode.OK);
        assertThat(retry.retryFile.allHosts()).as(as).isEmpty();
        for (String host : plan.hosts()) {
            deploy.assertAtTheEndState(host, as);
        }
        assertNotRunAgain(succeeded, as);
        plan.assertOnlyTheForeignLock(fleet(), false, as);
    }

    void assertNotRunAgain(Set<String> succeeded, String as) {
        for (String host : succeeded) {
            assertThat(fleet().host(host).sessionsOpened())
                    .as(as + ": " + host + " had succeeded and is left alone")
                    .isZero();
        }
    }
}
