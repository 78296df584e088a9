package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.api.Reconnects;
import dev.jinfra.command.Command;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.PipedUpload;
import dev.jinfra.deploy.Controls;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.Settings;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consecutive operations of one host run as one script ({@link HostScript}): each is planned as soon as the facts
 * it needs are known, counting the changes planned before it as made (a change forgets the facts it may make
 * untrue), and the planned commands go to the host together. The script stops where an operation needs a fact that
 * only the host can tell after the changes before it, or a step that needs the controller between operations (a
 * condition, retries, accepted exit codes, input of its own, a reconnect, a download, a meeting point, another
 * user); its tail then reads the facts the next operations need, so the next script is planned without a round
 * trip of its own. Each operation keeps its own outcome, output and exit status; a failure stops the host's script
 * at that operation, as it would stop the host.
 */
final class Pipeline {
    /** A script longer than this is sent as two: one command line (sh -c's argument) holds at most 128 KiB. */
    static final int MAX_SCRIPT = 64 * 1024;

    private final BatchRun run;
    private final Host host;
    private final HostFacts facts;
    private final DeployRunner.Options options;

    private record Step(
            DeployListener.PlannedOperation op,
            OperationCall call,
            Plan plan,
            List<String> rendered,
            List<String> sent) {}

    Pipeline(BatchRun run, Host host, HostFacts facts, DeployRunner.Options options) {
        this.run = run;
        this.host = host;
        this.facts = facts;
        this.options = options;
    }

    /** A fact was not known without asking the host: planning stops there. */
    private static final class NotKnown extends RuntimeException {
        NotKnown() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code mine} from {@code from} on as far as one script goes, deciding at most {@code most} operations.
     *
     * @return the outcomes of the operations it decided, in order, the last possibly failed; empty when the
     *     operation at {@code from} cannot go into a script (it then runs on its own)
     */
    List<OperationOutcome> runFrom(List<DeployListener.PlannedOperation> mine, int from, int most, Connection session) {
        // In operation order: the outcome of each that needs no command, the step of each that goes into the script.
        List<Object> decided = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        HostScript script = new HostScript();
        FactUser user = null;
        String password = null;
        // The environment every operation of the script has: read once, by the script, from its input.
        Map<String, String> env = null;
        Duration timeout = null;
        int next = from;
        for (; next < mine.size() && next - from < most; next++) {
            var op = mine.get(next);
            OperationCall call = run.callOf(host, op.id());
            if (BatchRun.isMeetingPoint(call) || call.operation() instanceof Reconnects) {
                break;
            }
            Settings settings;
            try {
                settings = call.settingsFor(host, options.commandLine());
            } catch (RuntimeException e) {
                break; // bad host data: the operation fails with that message on its own
            }
            if (!scriptable(settings.controls(), steps.isEmpty())) {
                break;
            }
            FactUser who = FactUser.of(settings, options.sudoPassword());
            var secret = settings.sudoPasswordOr(options.sudoPassword());
            String pw = settings.usesSudo() && secret != null ? secret.reveal() : null;
            if (user != null
                    && (!user.equals(who) || !java.util.Objects.equals(password, pw) || !env.equals(settings.env()))) {
                break;
            }
            Duration t = settings.timeoutOrZero();
            if (timeout != null && timeout.isZero() != t.isZero()) {
                break;
            }
            if (steps.isEmpty()) {
                // Nothing planned waits to be sent: the host can be asked now.
                FactProbe.gatherWhenNeeded(run.registeredOf(host), op.id(), facts, host, options);
            }
            Plan plan;
            try {
                plan = facts.plan(op.id(), call.operation(), knownOnly(who));
            } catch (NotKnown e) {
                break;
            } catch (RuntimeException e) {
                break; // the operation fails with its own message on its own
            }
            if (!plan.changes()) {
                decided.add(new OperationOutcome(
                        op.id(),
                        op.name(),
                        host,
                        OperationStatus.UNCHANGED,
                        List.of(),
                        plan.noChangeReason(),
                        "",
                        "",
                        0));
                continue;
            }
            // A command with input of its own (a database client's SQL, a password) needs the standard input the
            // script's commands share.
            if (!plan.downloads().isEmpty()
                    || plan.commands().stream().anyMatch(Command::needsOwnStdin)
                    || plan.uploads().size() > 1
                    || (plan.uploads().size() == 1 && plan.commands().isEmpty())) {
                break;
            }
            List<String> sent = new ArrayList<>();
            Plan.Upload piped = plan.uploads().isEmpty() ? null : plan.uploads().getFirst();
            for (Command c : plan.commands()) {
                String text = inner(c, settings).render();
                if (sent.isEmpty() && piped != null) {
                    text = PipedUpload.prefix(
                                    piped.remotePath(), piped.content().size())
                            + text;
                }
                sent.add(text);
            }
            int size = sent.stream().mapToInt(String::length).sum() + 200 * sent.size();
            if (script.length() + size > MAX_SCRIPT) {
                break;
            }
            int index = steps.size();
            for (int i = 0; i < sent.size(); i++) {
                script.add(index, sent.get(i), i == 0 && piped != null ? piped.content() : null);
            }
            Step step = new Step(op, call, plan, OperationExecution.render(plan, settings, pw != null), sent);
            steps.add(step);
            decided.add(step);
            user = who;
            password = pw;
            env = settings.env();
            timeout = timeout == null ? t : timeout.plus(t);
            // Counted as made: what it may change is read again, after it, when an operation needs it.
            facts.forget(call.operation().changes(), uploadPaths(plan), plan.created(), plan.edits(), who);
        }
        if (steps.isEmpty()) {
            // Nothing to send: the operations decided so far changed nothing (or the first cannot be scripted).
            return decided.stream().map(OperationOutcome.class::cast).toList();
        }
        boolean last = next == mine.size();
        HostFacts.Probe probe = last ? null : probeFor(mine.get(next), user);
        String giveBack = last ? run.giveBackScript(host, user) : null;
        if (probe != null) {
            script.then(probe.script());
        } else if (giveBack != null) {
            script.then(giveBack);
        }
        // The environment's values go on standard input, as for an operation on its own, ahead of the uploads.
        Command whole = Command.shell(script.script());
        if (!env.isEmpty()) {
            whole = whole.env(env).envOnStdin();
        }
        String command = user.equals(FactUser.LOGIN)
                ? "exec " + (env.isEmpty() ? Command.of("sh", "-c", script.script()) : whole).render()
                : user.wrap(whole).render();
        byte[] stdin = password == null ? whole.stdin(null) : Command.sudoStdin(password, whole.stdin(null));
        run.countRoundTrip(host);
        CommandResult r = session.run(
                new CommandRequest(command, stdin, timeout, script.uploads()), progress(script, decided, steps));
        HostScript.Result result = script.parse(r);
        List<OperationOutcome> outcomes = outcomes(decided, result, r);
        if (result.tailOut() != null) {
            CommandResult tail = new CommandResult(r.outcome(), r.exitCode(), result.tailOut(), "", r.duration());
            if (probe != null) {
                try {
                    probe.accept(tail);
                } catch (RuntimeException e) {
                    // The facts are read again when an operation needs them.
                }
            } else if (giveBack != null && result.tailOut().contains(RunLocks.GIVEN_BACK)) {
                run.lockGivenBack(host);
            }
        }
        return outcomes;
    }

    /**
     * Tells the listener of each operation of the script as the host ends it, and of the unchanged ones decided
     * before it, so that a long script shows its progress while it runs.
     */
    private OutputListener progress(HostScript script, List<Object> decided, List<Step> steps) {
        int[] told = {0};
        return script.watcher((step, failed) -> {
            Step ended = steps.get(step);
            synchronized (told) {
                int at = told[0];
                while (at < decided.size() && decided.get(at) != ended) {
                    at++;
                }
                if (at == decided.size()) {
                    return; // told already
                }
                for (int i = told[0]; i <= at; i++) {
                    Object item = decided.get(i);
                    if (item instanceof OperationOutcome unchanged) {
                        run.listener().hostProgressed(host, unchanged.id(), false);
                    } else {
                        run.listener().hostProgressed(host, ((Step) item).op().id(), i == at && failed);
                    }
                }
                told[0] = at + 1;
            }
        });
    }

    /**
     * Whether an operation with these settings can run inside a script: the controller decides nothing between its
     * commands (no retries, no accepted exit codes besides 0, no continuing after a failed command), it has no
     * input of its own (it travels on standard input), and no condition unless it comes first
     * (a condition may ask whether an operation before it changed its host).
     */
    private static boolean scriptable(Controls c, boolean first) {
        return c.retriesOrZero() == 0
                && c.retryUntil() == null
                && (c.successExitCodes() == null || c.successExitCodes().equals(Set.of(0)))
                && !c.continuesOnError()
                && c.stdin() == null
                && (c.when() == null || first && holds(c));
    }

    /** A condition that throws is left to the operation's own run, which reports it. */
    private static boolean holds(Controls c) {
        try {
            return c.conditionHolds();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The command as the operation runs it, but for the user switch: the script as a whole runs as that user. */
    private static Command inner(Command c, Settings settings) {
        Command w = c;
        if (settings.chdir() != null) {
            w = w.chdir(settings.chdir());
        }
        if (settings.shell() != null) {
            w = w.interpreter(settings.shell());
        }
        return w;
    }

    /** The facts as {@code who} reads them, only those known: planning never asks the host mid-script. */
    private FactSource knownOnly(FactUser who) {
        return new FactSource() {
            @Override
            public <T> T get(Fact<T> fact) {
                if (!facts.knows(who, fact)) {
                    throw new NotKnown();
                }
                return facts.get(who, fact);
            }
        };
    }

    /**
     * The read of the facts the operations from {@code next} on need as {@code user} and do not know yet, when
     * {@code next} needs one; else null.
     */
    private HostFacts.Probe probeFor(DeployListener.PlannedOperation next, FactUser user) {
        // As on its own: only when the next operation needs a read, and then for all the operations after it, so
        // that reading again after every change does not read the same facts over and over.
        if (!FactProbe.needsRead(run.registeredOf(host), next.id(), facts, host, options)) {
            return null;
        }
        Map<FactUser, Set<Fact<?>>> wanted =
                FactProbe.factsOfRemaining(run.registeredOf(host), next.id(), facts, host, options);
        Set<Fact<?>> mine = wanted.get(user);
        return mine == null ? null : facts.probe(user, mine, false);
    }

    /** The outcomes in operation order, up to and with the first that failed. */
    private List<OperationOutcome> outcomes(List<Object> decided, HostScript.Result result, CommandResult r) {
        List<OperationOutcome> out = new ArrayList<>();
        // The steps come in the order they were decided: counted, not looked up (a step's equals would compare
        // its operation's list of hosts).
        int next = 0;
        for (Object d : decided) {
            if (d instanceof OperationOutcome unchanged) {
                out.add(unchanged);
                continue;
            }
            Step step = (Step) d;
            final int index = next++;
            List<HostScript.Ran> ran =
                    result.ran().stream().filter(x -> x.step() == index).toList();
            StringBuilder stdout = new StringBuilder();
            StringBuilder stderr = new StringBuilder();
            ran.forEach(x -> {
                stdout.append(x.stdout());
                stderr.append(x.stderr());
            });
            List<String> shown = step.rendered()
                    .subList(
                            step.plan().uploads().size(),
                            step.plan().uploads().size()
                                    + step.plan().commands().size());
            HostScript.Ran failed =
                    ran.stream().filter(x -> x.exitCode() != 0).findFirst().orElse(null);
            String reason = null;
            int exit = 0;
            if (failed == null && ran.size() < step.sent().size()) {
                if (r.outcome() == CommandResult.Outcome.EXITED && r.exitCode() == 0) {
                    // Its markers lost (output over the capture limit), but the script ran to its end, which it
                    // does only when every command succeeded.
                    out.add(changed(step, stdout, stderr));
                    continue;
                }
                stdout.append(result.restOut());
                stderr.append(result.restErr());
            }
            if (failed != null || ran.size() < step.sent().size()) {
                // The command that failed, or the one under way when the script ended (a command stopped by the
                // time limit may still have its marker, with the status of the signal that ended it).
                String command = shown.get(failed != null ? ran.indexOf(failed) : ran.size());
                exit = failed != null ? failed.exitCode() : r.exitCode();
                reason = switch (r.outcome()) {
                    case EXITED -> "exit " + exit + ": " + command;
                    case TIMED_OUT -> "timed out: " + command;
                    case CONNECTION_LOST -> "connection lost: " + command;
                };
            }
            if (reason != null) {
                out.add(new OperationOutcome(
                        step.op().id(),
                        step.op().name(),
                        host,
                        OperationStatus.FAILED,
                        step.rendered(),
                        reason,
                        stdout.toString(),
                        stderr.toString(),
                        exit,
                        null));
                // The operations after it did not run: they are planned again, from what the host tells then.
                facts.forget();
                return out;
            }
            out.add(changed(step, stdout, stderr));
        }
        return out;
    }

    private OperationOutcome changed(Step step, StringBuilder stdout, StringBuilder stderr) {
        return new OperationOutcome(
                step.op().id(),
                step.op().name(),
                host,
                OperationStatus.CHANGED,
                step.rendered(),
                null,
                stdout.toString(),
                stderr.toString(),
                0,
                null);
    }

    private static List<String> uploadPaths(Plan plan) {
        return plan.uploads().stream().map(Plan.Upload::remotePath).toList();
    }
}
