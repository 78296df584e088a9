package dev.jinfra.cli;

import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.testkit.Directories;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code jinfra demo}: starts a fleet of SSH servers inside this process on 127.0.0.1 and runs a real
 * {@code exec} on it, so a first look at jinfra needs no hosts, keys or inventory. By default one host is made
 * to fail, one to refuse connections and one to be slow, to show how problems and stragglers look.
 *
 * <p>Then it runs a short deploy twice on the same hosts: the first run changes every host, the second none.
 * It exits 0 when all of that went as intended (the problem hosts failing included), and 1 otherwise. Given a
 * command or exec options of the user's, it runs that exec alone and exits with its exit code. It writes no
 * {@code .jinfra/failed-hosts} and nothing else below the working directory: its hosts are gone once it ends,
 * and the user's own list of hosts to retry must survive it.
 */
@CommandLine.Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        customSynopsis = "jinfra demo [--hosts N] [--command CMD] [EXEC OPTIONS]",
        description = {
            "Runs exec on an in-process fleet of SSH test hosts on 127.0.0.1. Options it does not know (--json, "
                    + "--stream, --parallel ...) are passed to exec."
        })
final class DemoCommand implements Callable<Integer> {
    /** The demo's command: the same line everywhere, except on {@code failing}, which reports a full disk. */
    static String demoCommand(String failing) {
        return "echo \"$(uname -s) host, shell $0\"; " + "if [ \"$FLEET_HOST\" = " + failing
                + " ]; then echo 'disk /var is full' >&2; exit 1; fi";
    }

    @Option(names = "--hosts", paramLabel = "N", description = "Number of hosts (default 50).")
    int hosts = 50;

    @Option(names = "--command", paramLabel = "CMD", description = "Shell command to run instead of the demo's own.")
    String command;

    @CommandLine.Unmatched
    List<String> execOptions = new ArrayList<>();

    private final Console console;

    DemoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        if (hosts < 1 || hosts > 5000) {
            throw new UsageException("--hosts must be between 1 and 5000");
        }
        // With a command or exec options of the user's, the demo is that exec alone, with its exit code.
        boolean show = command == null && execOptions.isEmpty();
        console.err().println("jinfra demo: starting " + hosts + " SSH hosts in this process on 127.0.0.1...");
        try (SshFleet fleet =
                SshFleet.builder().hosts(hosts).namePrefix("web-").build().start()) {
            List<String> names = fleet.hostNames();
            List<String> expectedProblems = new ArrayList<>();
            String run = command;
            if (command == null && hosts >= 30) {
                // web-13 fails by the demo command itself; these two fail at the connection level.
                String refused = names.get(28);
                fleet.host(refused).fault(Fault.REFUSE);
                fleet.host(names.get(41 % hosts)).fault(Fault.slow(Duration.ofMillis(1500)));
                expectedProblems.add(names.get(12));
                run = demoCommand(names.get(12));
                expectedProblems.add(refused);
                console.err()
                        .println("jinfra demo: " + names.get(12) + " is set to fail and " + refused
                                + " to refuse connections, to show how problems look");
            }
            List<String> args = new ArrayList<>();
            args.add(fleet.inventoryYaml().toString());
            args.addAll(execOptions);
            args.add("--");
            args.add(run == null ? demoCommand("none") : run);
            console.err()
                    .println("jinfra demo: jinfra " + String.join(" ", args.subList(0, args.size() - 1)) + " '...'");
            var exec = new ExecCommand(console).withoutRetryFile();
            int code = Main.execute(exec, args.toArray(String[]::new), console);
            if (!show) {
                return code;
            }
            boolean asIntended = execAsIntended(exec.summary(), expectedProblems, code);
            fleet.clearFaults();
            asIntended &= deployTwice(fleet);
            if (!asIntended) {
                console.err().println("jinfra demo: something did not go as the demo intends (see above)");
                return ExitCode.HOSTS_FAILED;
            }
            console.err()
                    .println("jinfra demo: done; every host did what the demo intends"
                            + (expectedProblems.isEmpty() ? "" : ", the two problem hosts included"));
            return ExitCode.OK;
        }
    }

    /** Whether exactly the hosts set up to fail are the ones that did not succeed. */
    private boolean execAsIntended(RunSummary summary, List<String> expectedProblems, int code) {
        if (summary == null) {
            return false;
        }
        List<String> problems = summary.results().stream()
                .filter(r -> r.state() != HostState.SUCCEEDED)
                .map(r -> r.host().name())
                .sorted()
                .toList();
        if (!problems.equals(expectedProblems.stream().sorted().toList())) {
            console.err().println("jinfra demo: unexpected result: problems on " + problems);
            return false;
        }
        if (!expectedProblems.isEmpty()) {
            console.err()
                    .println("jinfra demo: every other host succeeded, as expected (exit code " + code
                            + ", as for any run with a failed host)");
        }
        return true;
    }

    /**
     * Runs the demo's deploy twice on every host (the problem hosts are well again): the first run changes every
     * host, the second finds nothing to change and leaves the handler alone. Nothing is left behind: the deploy,
     * its template, the compiled classes and the hosts' files live in one temporary directory.
     */
    private boolean deployTwice(SshFleet fleet) throws IOException {
        // A short name, so that the paths in the report stay readable: one demo per process.
        Path dir = Path.of(
                System.getProperty("java.io.tmpdir"),
                "jinfra-demo-" + ProcessHandle.current().pid());
        Directories.deleteQuietly(dir);
        Files.createDirectories(dir);
        try {
            Path deploy = copyResource("deploy.java", dir);
            copyResource("motd.j2", dir);
            List<String> args = List.of(
                    fleet.inventoryYaml().toString(),
                    deploy.toString(),
                    "--data",
                    "demo_root=" + dir,
                    "--data",
                    "demo_dir=" + dir,
                    "--data",
                    "role=web");
            console.err()
                    .println("jinfra demo: now a deploy (a directory, a template with host data, a file, a line and "
                            + "a handler), run twice: the first run changes every host, the second nothing");
            console.err().println("jinfra demo: jinfra " + String.join(" ", args.subList(0, 2)) + " --data ...");
            boolean first = deployOnce(args, dir, DeployHostState.CHANGED);
            console.err().println("jinfra demo: the same deploy again");
            return deployOnce(args, dir, DeployHostState.UNCHANGED) && first;
        } finally {
            Directories.deleteQuietly(dir);
        }
    }

    private boolean deployOnce(List<String> args, Path dir, DeployHostState wanted) {
        var deploy = new DeployCommand(console).leavingNothingBehind(dir.resolve("classes"));
        Main.execute(deploy, args.toArray(String[]::new), console);
        DeployResult result = deploy.result();
        if (result == null || result.count(wanted) != hosts) {
            console.err()
                    .println("jinfra demo: unexpected result: not every host ended "
                            + wanted.name().toLowerCase(java.util.Locale.ROOT));
            return false;
        }
        return true;
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo's " + name + " is missing from jinfra's jar");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
