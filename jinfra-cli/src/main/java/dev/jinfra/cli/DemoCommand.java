package dev.jinfra.cli;

import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
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
 * <p>The demo exits with its run's exit code, as the report and the JSON summary give it: 1 when the hosts set
 * up to fail did. It writes no {@code .jinfra/failed-hosts}: its hosts are gone once it ends, and the user's
 * own list of hosts to retry must survive it.
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
    public Integer call() {
        if (hosts < 1 || hosts > 5000) {
            throw new UsageException("--hosts must be between 1 and 5000");
        }
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
            RunSummary summary = exec.summary();
            if (expectedProblems.isEmpty() || summary == null) {
                return code;
            }
            // The demo worked when exactly the hosts set up to fail are the ones that did not succeed.
            List<String> problems = summary.results().stream()
                    .filter(r -> r.state() != HostState.SUCCEEDED)
                    .map(r -> r.host().name())
                    .sorted()
                    .toList();
            if (problems.equals(expectedProblems.stream().sorted().toList())) {
                console.err()
                        .println("jinfra demo: done; every other host succeeded, as expected (exit code " + code
                                + ", as for any run with a failed host)");
            } else {
                console.err().println("jinfra demo: unexpected result: problems on " + problems);
            }
            return code;
        }
    }
}
