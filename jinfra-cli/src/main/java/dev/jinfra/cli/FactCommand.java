package dev.jinfra.cli;

import dev.jinfra.api.Fact;
import dev.jinfra.catalog.Catalog;
import dev.jinfra.cli.output.Style;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jinfra INVENTORY fact NAME [name=value ...]}: reads one fact on every targeted host and shows the
 * values, hosts with equal values folded together. The same reading deploys do before they change anything,
 * so what it shows is what an operation would decide on.
 */
@CommandLine.Command(
        name = "fact",
        customSynopsis = "jinfra INVENTORY fact NAME [NAME=VALUE...] [OPTIONS]",
        description = {
            "Reads a fact (e.g. DirectoryInfo path=/srv/app) on every targeted host and prints its value as JSON, "
                    + "or null where the thing is absent; hosts with equal values are folded together."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true)
final class FactCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "Inventory file or targets, as for exec.")
    String inventory;

    @Parameters(index = "1", paramLabel = "NAME", description = "The fact, e.g. DirectoryInfo.")
    String factName;

    @Parameters(index = "2..*", paramLabel = "NAME=VALUE", description = "The fact's arguments.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Mixin
    TargetOptions targets = new TargetOptions();

    @CommandLine.Mixin
    RunPolicyOptions pacing = new RunPolicyOptions();

    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description = "Per-host limit for reading the fact (default: none).")
    Duration timeout = Duration.ZERO;

    @CommandLine.Mixin
    JsonOptions jsonOptions = new JsonOptions();

    @Option(names = "--no-color", description = "No colours (also: the NO_COLOR environment variable).")
    boolean noColor;

    private final Console console;

    FactCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        // Reading changes nothing: there is nothing to confirm.
        var policy = pacing.policy(Integer.MAX_VALUE).toBuilder()
                .confirmOver(Integer.MAX_VALUE)
                .build();
        OpArgs args = OpArgs.parse(factName, arguments);
        Fact<?> fact = create(args);
        String what = (factName + " " + args.describe()).strip();
        List<Host> hosts = targets.select(inventory, console);

        var identity = targets.identity("fact", what, List.of(factName, args.describe()));
        try (var fleet = new FleetRun(targets, console);
                java.io.PrintStream file = JsonFile.open(console.cwd(), jsonOptions.jsonFile)) {
            List<FactJsonLines> lines = new ArrayList<>();
            if (file != null) {
                lines.add(new FactJsonLines(file, factName, args.values(), identity));
            }
            if (jsonOptions.json) {
                lines.add(new FactJsonLines(console.out(), factName, args.values(), identity));
            }
            Consumer<FactReading> finished = r -> lines.forEach(l -> l.accept(r));
            fleet.validate(hosts);
            lines.forEach(FactJsonLines::started);
            var work = new FactWork(fact, timeout);
            var summary = fleet.execute(hosts, work, policy, work.listener(finished));
            if (summary.stopReason() != null) {
                console.err().println("jinfra: run stopped: " + summary.stopReason());
            }
            var run = new FactRun(what, work.readings(summary), summary.elapsed(), summary.interrupted());
            lines.forEach(l -> l.summary(run));
            if (!jsonOptions.json) {
                new FactReport(console.out(), Style.forTerminal(console.outTerminal() && !noColor)).print(run, hosts);
            }
            return run.exitCode();
        }
    }

    /** Made before any host is touched, so that a mistake in the arguments costs no connections. */
    private Fact<?> create(OpArgs args) {
        try {
            return Catalog.fact(factName, args.values());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
