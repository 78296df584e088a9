package dev.jinfra.cli;

import dev.jinfra.cli.output.FoldedReport;
import dev.jinfra.cli.output.JsonLines;
import dev.jinfra.cli.output.ProgressDisplay;
import dev.jinfra.cli.output.RetryFile;
import dev.jinfra.cli.output.RunIdentity;
import dev.jinfra.cli.output.StreamPrinter;
import dev.jinfra.cli.output.Style;
import dev.jinfra.command.Command;
import dev.jinfra.engine.ExecWork;
import dev.jinfra.engine.RunListener;
import dev.jinfra.engine.RunPolicy;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jinfra INVENTORY exec [OPTIONS] -- COMMAND}: one shell command on every targeted host at once. */
@CommandLine.Command(
        name = "exec",
        customSynopsis = "jinfra INVENTORY exec [OPTIONS] -- COMMAND...",
        description = {
            "Runs COMMAND through the login shell of every targeted host, in parallel. Identical results are "
                    + "folded together; problems are printed last; the hosts that did not succeed are written to "
                    + ".jinfra/failed-hosts for --retry failed."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true)
final class ExecCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "INVENTORY",
            description =
                    "Inventory file (jinfra YAML, Ansible INI or YAML), Ansible inventory directory or targets: host, user@host:port, web-[01-50], @local, @docker/NAME, @podman/NAME, @chroot/PATH; comma-separated.")
    String inventory;

    @Parameters(
            index = "1..*",
            paramLabel = "COMMAND",
            description = "The command; put it after -- so its options stay its own.")
    List<String> command = new ArrayList<>();

    @CommandLine.Mixin
    TargetOptions targets = new TargetOptions();

    @CommandLine.Mixin
    RunPolicyOptions pacing = new RunPolicyOptions();

    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description = "Per-host command timeout (default: none).")
    Duration timeout = Duration.ZERO;

    @CommandLine.Mixin
    RunAsOptions runAs = new RunAsOptions();

    @CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @CommandLine.Mixin
    JsonOptions jsonOptions = new JsonOptions();

    private final Console console;
    // The demo runs on hosts of its own: their failures must not replace the user's list of hosts to retry.
    private boolean recordRetries = true;
    private RunSummary summary;

    ExecCommand(Console console) {
        this.console = console;
    }

    /** This command without writing {@code .jinfra/failed-hosts}. */
    ExecCommand withoutRetryFile() {
        recordRetries = false;
        return this;
    }

    /** The run's summary once it has run, else null. */
    RunSummary summary() {
        return summary;
    }

    @Override
    public Integer call() {
        if (command.isEmpty()) {
            throw new UsageException("exec needs a command: jinfra " + inventory + " exec -- COMMAND");
        }
        // Every option is checked before the inventory is read and before a password is asked for.
        var settings = runAs.settings();
        RunPolicy policy = pacing.policy(Integer.MAX_VALUE);
        ProgressDisplay.Mode progress = output.progressMode(console.errTerminal());
        List<Host> hosts = targets.select(inventory, console);

        var password = runAs.sudoPassword(console);
        // -e values go on standard input, not on the command line where every user of the host reads them.
        Command cmd =
                Command.shell(String.join(" ", command)).env(settings.env()).envOnStdin();
        if (settings.chdir() != null) {
            cmd = cmd.chdir(settings.chdir());
        }
        if (settings.usesSudo()) {
            cmd = cmd.sudo(settings.sudoUser() == null ? "root" : settings.sudoUser(), password != null);
        }
        ExecWork work = new ExecWork(cmd, password == null ? null : password.reveal(), timeout);
        RunIdentity identity = targets.identity(
                "exec",
                "exec -- " + String.join(" ", command),
                List.of(
                        String.join(" ", command),
                        String.valueOf(settings.usesSudo() ? settings.sudoUser() : null),
                        String.valueOf(settings.chdir())));

        try (var run = new FleetRun(targets, console);
                PrintStream jsonFile = JsonFile.open(console.cwd(), jsonOptions.jsonFile)) {
            run.validate(hosts);
            if (!RunPolicyOptions.confirm(policy, hosts.size(), "exec -- " + String.join(" ", command), console)) {
                console.err().println("jinfra: not confirmed: nothing was run");
                return ExitCode.HOSTS_FAILED;
            }
            Style style = Style.forTerminal(console.outTerminal() && !output.noColor);
            List<RunListener> listeners = new ArrayList<>();
            if (progress != null) {
                listeners.add(new ProgressDisplay(
                        console.err(), progress, Style.forTerminal(console.errTerminal() && !output.noColor)));
            }
            if (jsonFile != null) {
                listeners.add(new JsonLines(jsonFile, identity, run::via));
            }
            if (jsonOptions.json) {
                listeners.add(new JsonLines(console.out(), identity, run::via));
            } else if (output.stream) {
                listeners.add(new StreamPrinter(
                        console.out(),
                        console.err(),
                        style,
                        Style.forTerminal(console.errTerminal() && !output.noColor)));
            }
            // The hosts to retry are written down first, before any report prints: a second Ctrl-C or a closed
            // pipe while the report is shown cannot leave the previous run's list in place.
            int[] retry = {0};
            if (recordRetries) {
                listeners.addFirst(new RunListener() {
                    @Override
                    public void runFinished(RunSummary s) {
                        retry[0] = RetryFile.record(
                                console.cwd(),
                                RetryFile.byState(s),
                                "exec -- " + String.join(" ", command),
                                console.err());
                    }
                });
            }
            summary = run.execute(hosts, work, policy, RunListener.all(listeners));
            if (summary.stopReason() != null) {
                console.err().println("jinfra: run stopped: " + summary.stopReason());
            }
            if (!jsonOptions.json) {
                new FoldedReport(console.out(), style).print(summary, !output.stream);
                // How many targets each bastion carried, and on how many connections: what its sshd saw.
                run.jumpHostUsage().forEach(line -> console.err().println("jinfra: jump host " + line));
            }
            if (retry[0] > 0 && !jsonOptions.json) {
                console.err()
                        .println("jinfra: " + retry[0] + (retry[0] == 1 ? " host" : " hosts")
                                + " did not succeed: listed in " + RetryFile.DEFAULT
                                + "; rerun them with --retry failed");
            }
            return ExitCode.of(summary);
        }
    }
}
