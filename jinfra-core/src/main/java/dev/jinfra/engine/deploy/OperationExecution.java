package dev.jinfra.engine.deploy;

import dev.jinfra.api.Diffable;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.api.Reconnects;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.PipedUpload;
import dev.jinfra.deploy.Controls;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.Settings;
import dev.jinfra.inventory.Host;
import java.util.List;
import java.util.Map;

/**
 * One operation on one host: check its condition, plan from facts, and run the planned commands with the
 * operation's settings (sudo, environment, retries, accepted exit codes), or only list them in a dry run.
 */
final class OperationExecution {
    /** What a {@code noDiff()} operation shows in place of its content diff. */
    static final String DIFF_HIDDEN = "content differs (diff hidden)";

    private OperationExecution() {}

    /** Connects to the host again after an operation that ends its sessions (see {@link Reconnects}). */
    @FunctionalInterface
    interface Reconnector {
        /** @throws RuntimeException saying why the host could not be reached again */
        void reconnect(Reconnects how);
    }

    /**
     * @param earlierDryChange in a dry run, whether an earlier operation on this host would have changed it (or
     *     could not be told): this operation's facts are then those from before that change
     */
    static OperationOutcome run(
            DeployListener.PlannedOperation op,
            OperationCall call,
            Host host,
            HostFacts facts,
            Connection connection,
            Reconnector reconnector,
            Map<Host, Integer> changeCommands,
            DeployRunner.Options options,
            boolean earlierDryChange) {
        OperationOutcome outcome =
                planAndRun(op, call, host, facts, connection, reconnector, changeCommands, options, earlierDryChange);
        call.recordOutcome(outcome.status() == OperationStatus.CHANGED, outcome.status() == OperationStatus.FAILED);
        return outcome;
    }

    private static OperationOutcome planAndRun(
            DeployListener.PlannedOperation op,
            OperationCall call,
            Host host,
            HostFacts facts,
            Connection connection,
            Reconnector reconnector,
            Map<Host, Integer> changeCommands,
            DeployRunner.Options options,
            boolean earlierDryChange) {
        Settings settings;
        try {
            settings = call.settingsFor(host, options.commandLine());
        } catch (RuntimeException e) {
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.FAILED, List.of(), e.getMessage(), "", "", -1);
        }
        Controls controls = settings.controls();
        // Facts are read as the user the commands will run as.
        FactSource view = facts.as(FactUser.of(settings, options.sudoPassword()));
        boolean runs;
        try {
            runs = controls.conditionHolds();
        } catch (RuntimeException e) {
            return new OperationOutcome(
                    op.id(),
                    op.name(),
                    host,
                    OperationStatus.FAILED,
                    List.of(),
                    "when(): " + DeployCode.describe(e),
                    "",
                    "",
                    -1);
        }
        if (!runs) {
            return OperationOutcome.skipped(op.id(), op.name(), host, "condition not met");
        }
        Plan plan;
        try {
            plan = facts.plan(op.id(), call.operation(), view);
        } catch (RuntimeException e) {
            if (options.dryRun() && earlierDryChange) {
                // The dry run changed nothing, so this plan saw the host as it was before the earlier change it
                // depends on; the proposal calls this unknown too, and a real run would plan it after that change.
                return new OperationOutcome(
                        op.id(),
                        op.name(),
                        host,
                        OperationStatus.UNKNOWN,
                        List.of(),
                        "depends on an earlier change: " + DeployCode.describe(e),
                        "",
                        "",
                        0);
            }
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.FAILED, List.of(), DeployCode.describe(e), "", "", -1);
        }
        if (!plan.changes()) {
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.UNCHANGED, List.of(), plan.noChangeReason(), "", "", 0);
        }
        // The password of the most specific level that has one; the command line's is the lowest.
        Secret sudoPassword = settings.sudoPasswordOr(options.sudoPassword());
        boolean password = settings.usesSudo() && sudoPassword != null;
        // Read before the change, so the diff shows what the host had.
        String diff = null;
        if ((options.showDiff() || options.dryRun()) && call.operation() instanceof Diffable d) {
            try {
                diff = d.diff(view);
                if (diff != null && call.hidesDiff()) {
                    diff = DIFF_HIDDEN;
                }
            } catch (RuntimeException e) {
                diff = "(no diff: " + e.getMessage() + ")";
            }
        }
        // Shown in output and events, with secrets masked; `sent` is what the host gets.
        List<String> rendered = render(plan, settings, password);
        // One upload and a command to take it: the content goes on that command's input, so the two are one
        // exchange with the host (see PipedUpload). Not when the command has input of its own.
        Plan.Upload piped = plan.uploads().size() == 1 && !plan.commands().isEmpty() && controls.stdinOrNull() == null
                ? plan.uploads().getFirst()
                : null;
        List<Command> sent = new java.util.ArrayList<>();
        for (Command c : plan.commands()) {
            if (sent.isEmpty() && piped != null) {
                c = Command.shell(
                        PipedUpload.prefix(piped.remotePath(), piped.content().size()) + c.render());
            }
            sent.add(wrap(c, settings, password));
        }
        if (options.dryRun()) {
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.CHANGED, rendered, "dry run", "", "", 0, diff);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (Plan.Upload u : plan.uploads()) {
            if (u == piped) {
                continue;
            }
            changeCommands.merge(host, 1, Integer::sum);
            try {
                connection.upload(u.content(), u.remotePath());
            } catch (RuntimeException e) {
                removeUploads(connection, plan);
                facts.forget(call.operation().changes(), uploadPaths(plan), plan.created());
                return new OperationOutcome(
                        op.id(), op.name(), host, OperationStatus.FAILED, rendered, e.getMessage(), "", "", -1);
            }
        }
        String firstFailure = null;
        int failedExit = 0;
        List<String> shownCommands = rendered.subList(
                plan.uploads().size(), plan.uploads().size() + plan.commands().size());
        for (int i = 0; i < sent.size(); i++) {
            String command = shownCommands.get(i);
            CommandResult r = runWithRetries(
                    sent.get(i).render(),
                    controls,
                    stdinFor(sent.get(i), controls, password ? sudoPassword : null),
                    i == 0 && piped != null ? piped.content() : null,
                    settings.timeoutOrZero(),
                    connection,
                    host,
                    changeCommands);
            out.append(r.stdout());
            err.append(r.stderr());
            if (r.outcome() != CommandResult.Outcome.EXITED || !controls.succeeds(r.exitCode())) {
                if (firstFailure == null) {
                    firstFailure = switch (r.outcome()) {
                        case EXITED -> "exit " + r.exitCode() + ": " + command;
                        case TIMED_OUT -> "timed out: " + command;
                        case CONNECTION_LOST -> "connection lost: " + command;
                    };
                    failedExit = r.exitCode();
                }
                if (!controls.continuesOnError() || r.outcome() == CommandResult.Outcome.CONNECTION_LOST) {
                    break;
                }
            }
        }
        if (firstFailure == null) {
            for (Plan.Download d : plan.downloads()) {
                changeCommands.merge(host, 1, Integer::sum);
                try {
                    LocalWrite.atomically(d.localPath(), connection.download(d.remotePath()));
                } catch (RuntimeException e) {
                    firstFailure = e.getMessage();
                    failedExit = -1;
                    break;
                }
            }
        }
        if (firstFailure == null && call.operation() instanceof Reconnects how) {
            try {
                reconnector.reconnect(how);
            } catch (RuntimeException e) {
                firstFailure = e.getMessage();
                failedExit = -1;
            }
        }
        // What a failed change did is not known: facts of the files it meant to edit are read again.
        facts.forget(
                call.operation().changes(),
                uploadPaths(plan),
                plan.created(),
                firstFailure == null ? plan.edits() : List.of(),
                FactUser.of(settings, options.sudoPassword()));
        OperationStatus status = firstFailure == null ? OperationStatus.CHANGED : OperationStatus.FAILED;
        return new OperationOutcome(
                op.id(),
                op.name(),
                host,
                status,
                rendered,
                firstFailure,
                out.toString(),
                err.toString(),
                firstFailure == null ? 0 : failedExit,
                diff);
    }

    /**
     * The plan's steps as shown: uploads as comments, commands wrapped in the operation's settings, with secret
     * environment values and URL passwords masked ({@link Command#shown()}).
     */
    static List<String> render(Plan plan, Settings settings, boolean sudoPasswordOnStdin) {
        List<String> rendered = new java.util.ArrayList<>();
        plan.uploads().forEach(u -> rendered.add(dev.jinfra.command.Redaction.urlPasswords("# " + u)));
        plan.commands().stream()
                .map(c -> wrap(c, settings, sudoPasswordOnStdin).shown())
                .forEach(rendered::add);
        plan.downloads().forEach(d -> rendered.add(dev.jinfra.command.Redaction.urlPasswords("# " + d)));
        return rendered;
    }

    /** The sudo password (for {@code sudo -S}) comes first on standard input, then the operation's own input. */
    /** The sudo password first (sudo reads it before the command starts), then the environment, then the input. */
    private static byte[] stdinFor(Command command, Controls controls, Secret sudoPassword) {
        byte[] own = command.stdin(controls.stdinOrNull());
        return sudoPassword == null ? own : Command.sudoStdin(sudoPassword.reveal(), own);
    }

    private static CommandResult runWithRetries(
            String command,
            Controls controls,
            byte[] stdin,
            dev.jinfra.api.Payload upload,
            java.time.Duration timeout,
            Connection connection,
            Host host,
            Map<Host, Integer> changeCommands) {
        CommandResult r = null;
        for (int attempt = 0; attempt <= controls.retriesOrZero(); attempt++) {
            if (attempt > 0 && !controls.retryDelayOrZero().isZero()) {
                try {
                    Thread.sleep(controls.retryDelayOrZero());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return r;
                }
            }
            changeCommands.merge(host, 1, Integer::sum);
            r = connection.run(new CommandRequest(command, stdin, timeout, upload), OutputListener.NONE);
            if (r.outcome() == CommandResult.Outcome.EXITED && controls.finished(r.exitCode(), r.stdout())) {
                return r;
            }
        }
        return r;
    }

    private static Command wrap(Command c, Settings settings, boolean sudoPasswordOnStdin) {
        // The environment's values go on standard input: on the command line every user of the host could read them.
        Command w = c.env(settings.env()).envOnStdin();
        if (settings.chdir() != null) {
            w = w.chdir(settings.chdir());
        }
        if (settings.shell() != null) {
            w = w.interpreter(settings.shell());
        }
        // One way to change user: sudo first, then doas, then su.
        if (settings.usesSudo()) {
            w = w.sudo(settings.sudoUser() == null ? "root" : settings.sudoUser(), sudoPasswordOnStdin);
        } else if (settings.doasUser() != null) {
            w = w.doas(settings.doasUser());
        } else if (settings.suUser() != null) {
            w = w.su(settings.suUser());
        }
        return w;
    }

    /**
     * After a failed upload, its temporary files (this one, half written, and those before it) are removed: the
     * commands that would have moved them into place, and removed them, will not run. Best effort: when the
     * connection is gone, the next upload to the host removes leftovers older than a day.
     */
    private static void removeUploads(Connection connection, Plan plan) {
        List<String> words = new java.util.ArrayList<>(List.of("rm", "-f", "--"));
        words.addAll(uploadPaths(plan));
        try {
            connection.run(
                    new CommandRequest(Command.of(words).render(), null, java.time.Duration.ofSeconds(30)),
                    OutputListener.NONE);
        } catch (RuntimeException ignored) {
            // The connection is gone.
        }
    }

    private static List<String> uploadPaths(Plan plan) {
        return plan.uploads().stream().map(Plan.Upload::remotePath).toList();
    }
}
