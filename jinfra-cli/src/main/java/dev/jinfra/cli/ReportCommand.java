package dev.jinfra.cli;

import dev.jinfra.cli.output.DeployJsonLines;
import dev.jinfra.cli.output.DeployReport;
import dev.jinfra.cli.output.FoldedReport;
import dev.jinfra.cli.output.JsonLines;
import dev.jinfra.cli.output.ProposalReport;
import dev.jinfra.cli.output.RetryFile;
import dev.jinfra.cli.output.Style;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jinfra report FILE...}: the JSON lines of a run's shards ({@code --shard I/N --json-file PATH} on each
 * controller) merged into the report, summary line, {@code .jinfra/failed-hosts} and exit code that the run made
 * by one controller would have given. Shards that are missing or did not finish are named, their hosts counted as
 * not started; files of different runs are refused.
 */
@CommandLine.Command(
        name = "report",
        customSynopsis = "jinfra report FILE|DIR|-... [OPTIONS]",
        description = {
            "Merges the JSON lines of a run's shards (written with --shard I/N and --json-file) into the report, "
                    + "summary line and exit code of the whole run, and writes .jinfra/failed-hosts for --retry failed. "
                    + "Shards missing or not finished are named, their hosts counted as not started."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true)
final class ReportCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Files of JSON lines, directories of them, or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", description = "The merged run as JSON lines, as the run itself would have written them.")
    boolean json;

    @Option(names = "-v", description = "For deploys, more output: -v reasons, -vv commands, -vvv command output.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--no-color", description = "No colours (also: the NO_COLOR environment variable).")
    boolean noColor;

    private final Console console;
    private final InputStream stdin;

    ReportCommand(Console console, InputStream stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        ShardedRun run = ShardedRun.of(ShardOutputs.read(files, console.cwd(), stdin, console.err()));
        // Named first, on stderr: the report that follows already counts their hosts as not started.
        run.problems().forEach(p -> console.err().println("jinfra: " + p));
        Style style = Style.forTerminal(console.outTerminal() && !noColor);
        return switch (run.identity().action()) {
            case "exec" -> exec(run, style);
            case "fact" -> fact(run, style);
            case "deploy" -> deploy(run, style);
            default ->
                throw new UsageException(
                        "cannot report a run of '" + run.identity().action() + "' (exec, fact and deploy runs only)");
        };
    }

    private int exec(ShardedRun run, Style style) {
        RunSummary summary = ExecShards.summary(run);
        int retry = recordRetries(RetryFile.byState(summary), run);
        if (json) {
            var lines = new JsonLines(console.out(), run.identity());
            lines.runStarted(List.of());
            summary.results().forEach(lines::hostFinished);
            lines.runFinished(summary);
        } else {
            new FoldedReport(console.out(), style).print(summary, true);
            tellRetries(retry);
        }
        return ExitCode.of(summary);
    }

    private int fact(ShardedRun run, Style style) {
        FactRun merged = FactShards.run(run);
        // As the fact command itself: reading facts leaves the list of hosts to retry to the run that changes them.
        if (json) {
            FactJsonLines lines = FactShards.jsonLines(run, console.out());
            lines.started();
            merged.readings().forEach(lines);
            lines.summary(merged);
        } else {
            new FactReport(console.out(), style).print(merged, List.of());
        }
        return merged.exitCode();
    }

    private int deploy(ShardedRun run, Style style) {
        DeployListener listener = json
                ? new DeployJsonLines(console.out(), run.identity())
                : DeployListener.all(List.of(
                        new DeployReport(console.out(), style, verbose.length),
                        new ProposalReport(console.out(), style, verbose.length)));
        DeployResult result = new DeployShards(run).replay(listener);
        int retry = recordRetries(DeployExecution.notSucceeded(result), run);
        if (!json) {
            tellRetries(retry);
        }
        return DeployExecution.exitCode(result);
    }

    private int recordRetries(Map<String, List<String>> byState, ShardedRun run) {
        return RetryFile.record(console.cwd(), byState, run.identity().what(), console.err());
    }

    /** As after a run: where the hosts to retry went. */
    private void tellRetries(int hosts) {
        if (hosts > 0) {
            console.err()
                    .println("jinfra: " + hosts + (hosts == 1 ? " host" : " hosts") + " did not succeed: listed in "
                            + RetryFile.DEFAULT + "; rerun them with --retry failed");
        }
    }
}
