package dev.jinfra.cli;

import dev.jinfra.cli.output.DeployJsonLines;
import dev.jinfra.cli.output.DeployProgress;
import dev.jinfra.cli.output.DeployReport;
import dev.jinfra.cli.output.RetryFile;
import dev.jinfra.cli.output.Style;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.LockPolicy;
import dev.jinfra.engine.deploy.OperationOrder;
import dev.jinfra.inventory.Host;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options and the run-and-report step shared by every command that runs deploys (deploy files, a single
 * operation): connect the hosts, run the deploys, print the deploy report, record the hosts to retry and
 * turn the result into an exit code. A picocli mixin, so that each such command offers the same options.
 */
final class DeployExecution {
    @Option(
            names = "--dry",
            description =
                    "Connect and read facts, show what would change (with diffs of file content); change nothing.")
    boolean dry;

    @Option(
            names = "--diff",
            description = "Show diffs of file content that operations change (always shown with --dry).")
    boolean diff;

    @picocli.CommandLine.Mixin
    RunPolicyOptions pacing = new RunPolicyOptions();

    @Option(
            names = "--strategy",
            paramLabel = "linear|free",
            completionCandidates = Candidates.Strategy.class,
            description =
                    "linear (default): each operation finishes on every host before the next; free: each host goes at its own pace.")
    String strategy = "linear";

    @Option(
            names = "--pipeline",
            negatable = true,
            description = "Send each host's consecutive operations as one script where nothing between them needs"
                    + " jinfra (default with --strategy free). Hosts then go at their own pace, as under free;"
                    + " --no-pipeline sends every operation on its own.")
    Boolean pipeline;

    @Option(names = "-v", description = "More output: -v reasons, -vv commands, -vvv command output.")
    boolean[] verbose = new boolean[0];

    @picocli.CommandLine.Mixin
    RunAsOptions runAs = new RunAsOptions();

    @picocli.CommandLine.Mixin
    OperationControlOptions controls = new OperationControlOptions();

    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description = "Time limit per command.")
    java.time.Duration timeout;

    @Option(
            names = "--prepare-timeout",
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description =
                    "How long a host's deploy code may run in the prepare phase before that host fails (default 60s).")
    java.time.Duration prepareTimeout = java.time.Duration.ofSeconds(60);

    @Option(
            names = "--no-lock",
            description = "Do not lock hosts against other jinfra runs while changing them (locked by default).")
    boolean noLock;

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description =
                    "Wait up to this long for a host another run holds locked (default 0: that host fails at once).")
    java.time.Duration lockTimeout = java.time.Duration.ZERO;

    @Option(
            names = "--break-lock",
            description = "Remove a lock another run left on a host (one that was killed), then take it.")
    boolean breakLock;

    @picocli.CommandLine.Mixin
    JsonOptions jsonOptions = new JsonOptions();

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            completionCandidates = Candidates.Progress.class,
            description = "Live progress on stderr: auto (on a terminal), always, never.")
    String progress = "auto";

    @Option(names = "--no-color", description = "No colours.")
    boolean noColor;

    /**
     * Runs the deploys on the hosts and reports them.
     *
     * @param what how the run is named in the retry file, e.g. {@code files.directory path=/srv}
     * @param work what the deploys are made of (file names and content), for the run's identity
     * @return the exit code
     */
    /** Runs without writing .jinfra/failed-hosts (the demo's hosts are gone once it ends). */
    DeployExecution withoutRetryFile() {
        recordRetries = false;
        return this;
    }

    /** The last run's result once it has run, else null. */
    DeployResult result() {
        return lastResult;
    }

    private boolean recordRetries = true;
    private DeployResult lastResult;

    int run(
            Console console,
            TargetOptions targets,
            List<Host> hosts,
            List<Deploy> deploys,
            String what,
            List<String> work) {
        DeployRunner.Options options = options(console);
        Style style = Style.forTerminal(console.outTerminal() && !noColor);
        var identity = targets.identity("deploy", what, work);
        try (var fleet = new FleetRun(targets, console);
                java.io.PrintStream file = JsonFile.open(console.cwd(), jsonOptions.jsonFile)) {
            fleet.validate(hosts);
            var runner = new DeployRunner(fleet::connectorFor, fleet.control())
                    .inventory(targets.inventory())
                    .playHosts(targets.targeted())
                    .confirmWith((plan, proposal) -> confirm(options.policy().confirmOver(), proposal, console));
            DeployResult result;
            // The hosts to retry are written down first, before the report prints: a second Ctrl-C or a closed
            // pipe while the report is shown cannot leave the previous run's list in place.
            DeployListener retryFile = new DeployListener() {
                @Override
                public void finished(DeployResult r) {
                    if (recordRetries) {
                        RetryFile.record(console.cwd(), notSucceeded(r), what, console.err());
                    }
                }
            };
            try {
                result = fleet.interruptible(() -> runner.run(
                        hosts,
                        deploys,
                        options,
                        DeployListener.all(List.of(retryFile, listeners(console, style, identity, file, fleet::via)))));
            } catch (OperationOrder.ConflictException e) {
                if (progressDisplay != null) {
                    progressDisplay.close();
                }
                // Deploys that order their operations differently on different hosts: the user's to fix.
                throw new UsageException(e.getMessage());
            }
            lastResult = result;
            if (verbose.length >= 1 && !jsonOptions.json) {
                fleet.jumpHostUsage().forEach(line -> console.out().println("jump host " + line));
            }
            if (result.stopReason() != null) {
                console.err().println("jinfra: run stopped: " + result.stopReason());
            }
            return exitCode(result);
        }
    }

    /**
     * Safety for large runs: past the threshold, show what would change and ask; with nobody to ask, require
     * --yes. The count is of hosts with at least one operation that would (or might) change them, known after
     * the prepare phase. With --batch it is asked once, before the first batch, for the whole run: the later
     * batches are planned only at their turn, so each of their hosts counts as one that may change.
     */
    private static boolean confirm(int confirmOver, dev.jinfra.engine.deploy.Proposal proposal, Console console) {
        int hosts = proposal.hostsRunMayChange();
        if (hosts <= confirmOver) {
            return true;
        }
        String batches = proposal.laterHosts() == 0
                ? ""
                : proposal.hostsToChange().size() + " in the first batch, " + proposal.laterHosts()
                        + " in later batches, planned at their turn";
        String count = (batches.isEmpty() ? "" : "up to ") + hosts + " hosts would be changed";
        if (!console.canPrompt()) {
            throw new UsageException(
                    count + " (more than --confirm-over " + confirmOver + (batches.isEmpty() ? "" : "; " + batches)
                            + "): add --yes to go ahead, or --dry to see the changes first");
        }
        synchronized (console.err()) {
            console.err().println("jinfra: " + count + (batches.isEmpty() ? "" : " (" + batches + ")") + ":");
            proposal.entries().stream()
                    .filter(e -> e.kind() != dev.jinfra.engine.deploy.Proposal.Kind.NO_CHANGE)
                    .collect(java.util.stream.Collectors.groupingBy(
                            dev.jinfra.engine.deploy.Proposal.Entry::name,
                            LinkedHashMap::new,
                            java.util.stream.Collectors.counting()))
                    .forEach((name, n) -> console.err().println("  " + name + " (" + n + " hosts)"));
        }
        String answer = console.readLine("Go ahead? [y/N] ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    // Closed after the run even when the run ends without its final event (an order conflict).
    private DeployProgress progressDisplay;

    /** Progress first: it clears its status line before the report prints. */
    private DeployListener listeners(
            Console console,
            Style style,
            dev.jinfra.cli.output.RunIdentity identity,
            java.io.PrintStream file,
            java.util.function.Function<Host, List<String>> via) {
        List<DeployListener> all = new java.util.ArrayList<>();
        boolean showProgress = switch (progress) {
            case "always" -> true;
            case "never" -> false;
            // Standard error alone decides: that is where progress goes.
            case "auto" -> console.errTerminal();
            default -> throw new UsageException("--progress must be auto, always or never, not '" + progress + "'");
        };
        if (showProgress) {
            progressDisplay = new DeployProgress(
                    console.err(), console.errTerminal(), Style.forTerminal(console.errTerminal() && !noColor));
            all.add(progressDisplay);
        }
        if (file != null) {
            all.add(new DeployJsonLines(file, identity, via));
        }
        if (jsonOptions.json) {
            all.add(new DeployJsonLines(console.out(), identity, via));
        } else {
            all.add(new DeployReport(console.out(), style, verbose.length));
            all.add(new dev.jinfra.cli.output.ProposalReport(console.out(), style, verbose.length));
        }
        return DeployListener.all(all);
    }

    /** The lowest level of settings: what operations, pieces and host data leave unsaid. */
    private dev.jinfra.deploy.Settings commandLineSettings() {
        var s = controls.applyTo(runAs.settings());
        return timeout == null ? s : s.timeout(timeout);
    }

    private DeployRunner.Options options(Console console) {
        var policy = pacing.policy(50);
        DeployRunner.Strategy chosen = switch (strategy) {
            case "linear" -> DeployRunner.Strategy.LINEAR;
            case "free" -> DeployRunner.Strategy.FREE;
            default -> throw new UsageException("--strategy must be linear or free, not '" + strategy + "'");
        };
        var options = DeployRunner.Options.builder()
                .policy(policy)
                .dryRun(dry)
                .strategy(chosen)
                .commandLine(commandLineSettings())
                .sudoPassword(runAs.sudoPassword(console))
                .showDiff(diff || dry)
                .lock(noLock ? LockPolicy.NONE : new LockPolicy(true, lockTimeout, breakLock))
                .prepareTimeout(prepareTimeout);
        if (pipeline != null) {
            options.pipeline(pipeline);
        }
        return options.build();
    }

    /** The hosts to retry, under the state that kept each from succeeding. */
    static Map<String, List<String>> notSucceeded(DeployResult result) {
        Map<String, List<String>> byState = new LinkedHashMap<>();
        for (DeployHostState s : List.of(
                DeployHostState.FAILED,
                DeployHostState.UNREACHABLE,
                DeployHostState.INCOMPLETE,
                DeployHostState.NOT_STARTED)) {
            byState.put(
                    s.label().replace('_', ' '),
                    result.hostStates().entrySet().stream()
                            .filter(e -> e.getValue() == s)
                            .map(Map.Entry::getKey)
                            .toList());
        }
        return byState;
    }

    /** Failures outrank unreachable hosts, as for exec; a host left short of the end is not a success. */
    static int exitCode(DeployResult result) {
        if (result.interrupted()) {
            return ExitCode.INTERRUPTED;
        }
        if (dev.jinfra.engine.deploy.DeployRunner.PREFLIGHT_FAILED.equals(result.stopReason())) {
            return ExitCode.PREFLIGHT_FAILED;
        }
        if (result.count(DeployHostState.FAILED) > 0) {
            return ExitCode.HOSTS_FAILED;
        }
        if (result.count(DeployHostState.UNREACHABLE) > 0) {
            return ExitCode.HOSTS_UNREACHABLE;
        }
        // Hosts the run stopped before the end of, with no host failed: the run was not confirmed.
        return result.count(DeployHostState.INCOMPLETE) + result.count(DeployHostState.NOT_STARTED) > 0
                ? ExitCode.HOSTS_FAILED
                : ExitCode.OK;
    }
}
