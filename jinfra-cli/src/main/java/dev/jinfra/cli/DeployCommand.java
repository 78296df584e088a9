package dev.jinfra.cli;

import dev.jinfra.cli.output.DeployReport;
import dev.jinfra.cli.output.RetryFile;
import dev.jinfra.cli.output.Style;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.DeployHostState;
import dev.jinfra.deploy.DeployResult;
import dev.jinfra.deploy.DeployRunner;
import dev.jinfra.deploy.OperationOrder;
import dev.jinfra.deploy.compile.DeployCompileException;
import dev.jinfra.deploy.compile.DeployFiles;
import dev.jinfra.deploy.compile.LoadedDeploy;
import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jinfra INVENTORY DEPLOY.java...}: compile the deploy files, prepare every host, run the operations. */
@CommandLine.Command(
        name = "deploy",
        customSynopsis = "jinfra INVENTORY DEPLOY.java... [OPTIONS]",
        description = {"Runs Java deploy files: each host's deploy code registers operations (prepare), then the",
            "operations run in order across all their hosts, changing only what differs from the wanted state."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class DeployCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "Inventory file or targets, as for exec.")
    String inventory;

    @Parameters(index = "1..*", paramLabel = "DEPLOY.java", arity = "1..*", description = "Deploy files, run in order.")
    List<Path> files = new ArrayList<>();

    @CommandLine.Mixin
    TargetOptions targets = new TargetOptions();

    @Option(names = "--dry", description = "Connect and read facts, show what would change; change nothing.")
    boolean dry;

    @Option(names = {"-p", "--parallel"}, paramLabel = "N", description = "Hosts worked on at once per operation.")
    Integer parallel;

    @Option(names = "--serial", description = "One host at a time for every operation (same as --parallel 1).")
    boolean serial;

    @Option(names = "--batch", paramLabel = "N|P%%", description = "Run the whole deploy on N hosts (or P%% of them) at a time, batch after batch.")
    String batch;

    @Option(names = "--batch-delay", paramLabel = "DURATION", converter = DurationArg.class, description = "Pause between batches.")
    java.time.Duration batchDelay = java.time.Duration.ZERO;

    @Option(names = "--fail-fast", description = "Stop the run after the operation in which the first host failed.")
    boolean failFast;

    @Option(names = "--fail-percent", paramLabel = "P", description = "Stop the run once more than P%% of the hosts (of the run or of a batch) failed.")
    Integer failPercent;

    @Option(names = "--strategy", paramLabel = "linear|free",
            description = "linear (default): each operation finishes on every host before the next; free: each host goes at its own pace.")
    String strategy = "linear";

    @Option(names = "-v", description = "More output: -v reasons, -vv commands, -vvv command output.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--no-color", description = "No colours.")
    boolean noColor;

    private final Console console;

    DeployCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(console.cwd().resolve(f))) {
                throw new UsageException("no such deploy file: " + f);
            }
        }
        List<LoadedDeploy> loaded;
        try {
            loaded = DeployFiles.load(files.stream().map(f -> console.cwd().resolve(f)).toList(),
                    console.cwd().resolve(".jinfra/cache/deploys"));
        } catch (DeployCompileException e) {
            // Name the files as the user wrote them, not as resolved against the working directory.
            String errors = String.join("\n", e.errors());
            for (Path f : files) {
                errors = errors.replace(console.cwd().resolve(f).toString(), f.toString());
            }
            throw new UsageException(errors);
        }
        List<Deploy> deploys = loaded.stream().map(LoadedDeploy::deploy).toList();
        List<Host> hosts = targets.select(inventory, console);
        Style style = Style.forTerminal(console.terminal() && !noColor);
        try (var run = new FleetRun(targets, console)) {
            run.validate(hosts);
            var runner = new DeployRunner(run::connectorFor);
            DeployResult result;
            try {
                result = runner.run(hosts, deploys, options(), new DeployReport(console.out(), style, verbose.length));
            } catch (OperationOrder.ConflictException e) {
                throw new UsageException(e.getMessage());
            }
            if (result.stopReason() != null) {
                console.err().println("jinfra: run stopped: " + result.stopReason());
            }
            Map<String, List<String>> retry = new LinkedHashMap<>();
            for (DeployHostState s : List.of(DeployHostState.FAILED, DeployHostState.UNREACHABLE, DeployHostState.SKIPPED)) {
                retry.put(s.name().toLowerCase(java.util.Locale.ROOT), result.hostStates().entrySet().stream()
                        .filter(e -> e.getValue() == s).map(Map.Entry::getKey).toList());
            }
            RetryFile.write(console.cwd().resolve(RetryFile.DEFAULT), retry, "deploy " + files);
            if (result.count(DeployHostState.FAILED) > 0) {
                return ExitCode.HOSTS_FAILED;
            }
            return result.count(DeployHostState.UNREACHABLE) > 0 ? ExitCode.HOSTS_UNREACHABLE : ExitCode.OK;
        }
    }

    private DeployRunner.Options options() {
        int width = serial ? 1 : parallel == null ? Integer.MAX_VALUE : parallel;
        if (width < 1) {
            throw new UsageException("--parallel must be at least 1");
        }
        dev.jinfra.run.Batching batching = dev.jinfra.run.Batching.NONE;
        if (batch != null) {
            try {
                batching = dev.jinfra.run.Batching.parse(batch, batchDelay);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--batch: " + e.getMessage());
            }
        }
        Integer budget = failFast ? Integer.valueOf(0) : failPercent;
        if (budget != null && (budget < 0 || budget > 100)) {
            throw new UsageException("--fail-percent must be between 0 and 100, not " + budget);
        }
        DeployRunner.Strategy chosen = switch (strategy) {
            case "linear" -> DeployRunner.Strategy.LINEAR;
            case "free" -> DeployRunner.Strategy.FREE;
            default -> throw new UsageException("--strategy must be linear or free, not '" + strategy + "'");
        };
        return new DeployRunner.Options(width, dry, batching, budget, chosen);
    }
}
