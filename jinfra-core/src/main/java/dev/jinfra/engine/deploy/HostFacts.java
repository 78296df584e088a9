package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.api.StatFact;
import dev.jinfra.command.Command;
import dev.jinfra.command.ShellQuote;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.deploy.OperationId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One host's facts, each read once over the host's connection and kept until an operation changes the host.
 * Facts are read as the user the asking operation's commands run as ({@link FactUser}); as a {@link FactSource}
 * itself this reads as the host's base user (the command line's and host data's sudo, su or doas), which is what
 * deploy code sees. Counts the commands it ran, so that the round trips a run costs can be shown.
 */
public final class HostFacts implements FactSource {

    private volatile Connection connection;
    private final java.util.function.BiConsumer<Fact<?>, Object> onRead;
    private final FactUser base;
    // The host's command time limit (-t, host data): fact reads are commands too, and without it a host whose
    // commands hang would hold the whole run, in the prepare phase before any operation's own limit applies.
    private final java.time.Duration timeout;
    private final Map<FactUser, Map<Fact<?>, Object>> cache = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    // Normalized path -> the host's resolution of it (realpath), for deciding which facts a change leaves true.
    private final Map<String, String> resolved = new HashMap<>();
    // Plans made against the facts above; they hold as long as the facts do.
    private final Map<OperationId, Plan> plans = new HashMap<>();

    /** @param timeout how long one read may take; {@link java.time.Duration#ZERO} for no limit */
    HostFacts(
            Connection connection,
            java.util.function.BiConsumer<Fact<?>, Object> onRead,
            FactUser base,
            java.time.Duration timeout) {
        this.connection = connection;
        this.onRead = onRead;
        this.base = base;
        this.timeout = timeout;
    }

    HostFacts(Connection connection, java.util.function.BiConsumer<Fact<?>, Object> onRead) {
        this(connection, onRead, FactUser.LOGIN, java.time.Duration.ZERO);
    }

    /** The time limit of each command run to read this host (and to lock it); zero for none. */
    java.time.Duration commandTimeout() {
        return timeout;
    }

    @Override
    public <T> T get(Fact<T> fact) {
        return get(base, fact);
    }

    /** The facts as {@code who} reads them. */
    FactSource as(FactUser who) {
        return new FactSource() {
            @Override
            public <T> T get(Fact<T> fact) {
                return HostFacts.this.get(who, fact);
            }
        };
    }

    private Map<Fact<?>, Object> known(FactUser who) {
        return cache.computeIfAbsent(who, w -> new HashMap<>());
    }

    synchronized <T> T get(FactUser who, Fact<T> fact) {
        Map<Fact<?>, Object> known = known(who);
        if (known.containsKey(fact)) {
            @SuppressWarnings("unchecked")
            T value = (T) known.get(fact);
            return value;
        }
        reads.incrementAndGet();
        CommandResult r = connection.run(
                new CommandRequest(who.wrap(fact.command()).render(), who.stdin(fact.command()), timeout),
                OutputListener.NONE);
        if (r.outcome() != CommandResult.Outcome.EXITED) {
            throw new Unreadable("reading " + fact + " " + failure(r));
        }
        if (r.exitCode() != 0 && refused(who, r)) {
            throw new FactException("reading " + fact + " as " + who + " failed: "
                    + r.stderr().strip().lines().findFirst().orElse(""));
        }
        T value = fact.hasValue(r.exitCode()) ? fact.parse(r.stdout()) : fact.absent();
        known.put(fact, value);
        onRead.accept(fact, value);
        return value;
    }

    /** Whether {@code fact} as {@code who} reads it is known, so that asking for it needs no round trip. */
    synchronized boolean knows(FactUser who, Fact<?> fact) {
        return known(who).containsKey(fact);
    }

    /** A known value, or the fact's absent value when it was not read yet; never does I/O. */
    @SuppressWarnings("unchecked")
    synchronized <T> T peekOrAbsent(FactUser who, Fact<T> fact) {
        Map<Fact<?>, Object> known = known(who);
        return known.containsKey(fact) ? (T) known.get(fact) : fact.absent();
    }

    /**
     * The host's session now: the same one, or a new one after the run's window closed the old one to make room
     * for other hosts. What was read stays true: the host did not change.
     */
    synchronized void useConnection(Connection c) {
        connection = c;
    }

    /** After a reboot: the new connection, and nothing known of the host that came back. */
    synchronized void reconnected(Connection fresh) {
        connection = fresh;
        forget();
    }

    /** After a change that may have touched anything on the host: nothing read before is known to be true. */
    synchronized void forget() {
        cache.clear();
        resolved.clear();
        plans.clear();
    }

    /**
     * After a change in {@code scope} (and to the temporary files {@code uploads}; {@code created} made where
     * nothing was): forgets the facts it may have made untrue (see {@link FactInvalidation}) and keeps the rest,
     * so the next operations do not read them again.
     */
    synchronized void forget(dev.jinfra.api.ChangeScope scope, List<String> uploads, List<String> created) {
        forget(scope, uploads, created, List.of(), null);
    }

    /**
     * As {@link #forget(dev.jinfra.api.ChangeScope, List, List)}, where the change also made {@code edits} as
     * {@code editor}: what {@code editor} knew of the edited files' lines and can follow ({@link
     * dev.jinfra.api.FollowsEdits}) takes its new value instead of being forgotten.
     */
    synchronized void forget(
            dev.jinfra.api.ChangeScope scope,
            List<String> uploads,
            List<String> created,
            List<dev.jinfra.api.FileEdit> edits,
            FactUser editor) {
        if (scope.anywhere()) {
            forget();
            return;
        }
        for (var byUser : cache.entrySet()) {
            Map<Fact<?>, Object> followed = new HashMap<>();
            byUser.getValue().entrySet().removeIf(e -> {
                if (!FactInvalidation.mayChange(
                        scope, uploads, created, e.getKey().confinedTo(), resolved)) {
                    return false;
                }
                if (byUser.getKey().equals(editor) && uploads.isEmpty()) {
                    Object now = EditFollowing.after(e.getKey(), e.getValue(), scope, edits, resolved);
                    if (now != null) {
                        followed.put(e.getKey(), now);
                    }
                }
                return true;
            });
            byUser.getValue().putAll(followed);
        }
        List<String> kept = new ArrayList<>(created);
        edits.forEach(e -> kept.add(e.path()));
        resolved.entrySet().removeIf(e -> FactInvalidation.mayMove(scope, kept, e.getKey(), e.getValue()));
        plans.clear();
    }

    /** Whether every one of {@code facts} is known, so planning with them needs no round trip. */
    synchronized boolean knowsAll(Map<FactUser, ? extends Collection<Fact<?>>> facts) {
        for (var e : facts.entrySet()) {
            Map<Fact<?>, Object> known = cache.get(e.getKey());
            for (Fact<?> f : e.getValue()) {
                if (known == null || !known.containsKey(f)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The operation's plan against these facts (as {@code facts} reads them), made once until the host changes:
     * plans are pure functions of the facts, so the plan shown in the proposal is the one that runs.
     */
    synchronized Plan plan(OperationId id, Operation operation, FactSource facts) {
        Plan known = plans.get(id);
        if (known == null) {
            known = operation.plan(facts);
            plans.put(id, known);
        }
        return known;
    }

    /**
     * Reads all of {@code wanted} that are not known yet, in one command per user they are read as, so that a
     * host's planning costs one round trip instead of one per fact. Each fact's output is followed by a marker
     * line with its exit status; the marker holds a random token, so no fact's output can imitate it.
     *
     * @return whether anything was read (false when every wanted fact was known already)
     */
    synchronized boolean prefetch(Map<FactUser, ? extends Collection<Fact<?>>> wanted) {
        boolean read = false;
        for (var e : wanted.entrySet()) {
            read |= prefetch(e.getKey(), e.getValue());
        }
        return read;
    }

    private boolean prefetch(FactUser who, Collection<Fact<?>> wanted) {
        Probe probe = probe(who, wanted, false);
        if (probe == null) {
            return false;
        }
        reads.incrementAndGet();
        probe.accept(connection.run(new CommandRequest(probe.command(), who.stdin(), timeout), OutputListener.NONE));
        return true;
    }

    /**
     * The read of those of {@code wanted} that are not known yet ({@code all}: of every one of them, for after the
     * host may have changed), as {@code who}; null when there is nothing to read. Run on its own ({@link
     * Probe#command}) or at the end of a script that changes the host ({@link Probe#script}), so that the facts the
     * next operations need come back with the change.
     */
    synchronized Probe probe(FactUser who, Collection<Fact<?>> wanted, boolean all) {
        Map<Fact<?>, Object> known = known(who);
        // A fact whose command needs input of its own (a password) is read on its own, when it is asked for.
        List<Fact<?>> missing = wanted.stream()
                .filter(f -> all || !known.containsKey(f))
                .filter(f -> !f.command().needsOwnStdin())
                .distinct()
                .toList();
        if (missing.isEmpty()) {
            return null;
        }
        return new Probe(who, missing, all);
    }

    /** One read of several facts as one user: a shell script of sections, each followed by a marker line. */
    final class Probe {
        // In a marker line in place of the exit status: the fact's path was not there, so its program never ran.
        private static final String ABSENT = "absent";
        private final FactUser who;
        private final List<StatBatch> batches;
        private final List<Fact<?>> single;
        private final List<String> toResolve;
        private final List<String> sections = new ArrayList<>();
        // Per section: the path without which its fact is absent (tested in the shell, no program run), or null.
        private final List<String> guards = new ArrayList<>();
        private final int resolveSection;
        private final String marker;

        private Probe(FactUser who, List<Fact<?>> missing, boolean all) {
            this.who = who;
            // stat facts of one format share one stat process; every other fact is a section of its own.
            Map<String, StatBatch> byFormat = new java.util.LinkedHashMap<>();
            missing.stream()
                    .filter(StatFact.class::isInstance)
                    .forEach(f -> byFormat.computeIfAbsent(((StatFact) f).statFormat(), StatBatch::new)
                            .add(f));
            batches =
                    byFormat.values().stream().filter(b -> b.facts().size() > 1).toList();
            java.util.Set<Fact<?>> batched = new java.util.HashSet<>();
            batches.forEach(b -> batched.addAll(b.facts()));
            single = missing.stream().filter(f -> !batched.contains(f)).toList();
            toResolve = missing.stream()
                    .map(f -> FactInvalidation.normalize(f.confinedTo()))
                    .filter(p -> p != null && (all || !resolved.containsKey(p)))
                    .distinct()
                    .toList();
            marker = Markers.next("jinfra-fact-");
            batches.forEach(b -> section("{ " + b.script() + "; }", null));
            for (Fact<?> f : single) {
                Command c = f.command();
                // A plain program runs in the probe's own shell (a subshell would cost a fork per fact); anything
                // else in a subshell, so that nothing it does to its shell reaches the facts after it.
                section(c.isPlainProgram() ? "{ " + c.render() + "; }" : "( " + c.render() + " )", f.absentWithout());
            }
            resolveSection = toResolve.isEmpty() ? -1 : sections.size();
            if (resolveSection >= 0) {
                section(FactInvalidation.resolveSection(toResolve), null);
            }
        }

        private void section(String text, String guard) {
            sections.add(text);
            guards.add(guard);
        }

        /** The script, for {@code sh}: each section's output is followed by a marker line with its exit status. */
        String script() {
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < sections.size(); i++) {
                String guard = guards.get(i);
                if (guard != null) {
                    String path = ShellQuote.quote(guard);
                    script.append("if [ -e ")
                            .append(path)
                            .append(" ] || [ -L ")
                            .append(path)
                            .append(" ]; then ");
                }
                // The marker holds a random token, so no fact's output can imitate it. Standard input is not the
                // facts': in a script that also uploads, it carries content for other commands.
                script.append(sections.get(i))
                        .append(" </dev/null 2>/dev/null; printf '\\n%s %d %d\\n' ")
                        .append(marker)
                        .append(' ')
                        .append(i)
                        .append(" $?");
                if (guard != null) {
                    // Nothing at the path: the marker says absent in place of an exit status.
                    script.append("; else printf '\\n%s %d %s\\n' ")
                            .append(marker)
                            .append(' ')
                            .append(i)
                            .append(' ')
                            .append(ABSENT)
                            .append("; fi");
                }
                script.append('\n');
            }
            return script.toString();
        }

        /** What the probe's command reads on standard input: sudo's password, when it has one. */
        byte[] stdin() {
            return who.stdin();
        }

        /** The probe as a command of its own, as {@code who}. */
        String command() {
            // Run by sh, not by the login shell (often bash): a probe forks once per fact, and forking the small
            // shell is cheaper. exec: the login shell does not wait around for it.
            return who.equals(FactUser.LOGIN)
                    ? "exec " + Command.of("sh", "-c", script()).render()
                    : who.wrap(Command.shell(script())).render();
        }

        /**
         * Takes the facts from what the probe printed.
         *
         * @throws Unreadable when the read did not finish (timed out, connection lost)
         * @throws FactException when switching to {@code who} was refused
         */
        void accept(CommandResult r) {
            synchronized (HostFacts.this) {
                acceptOutput(r);
            }
        }

        private void acceptOutput(CommandResult r) {
            if (r.outcome() != CommandResult.Outcome.EXITED) {
                throw new Unreadable("reading facts " + failure(r));
            }
            String out = r.stdout();
            if (r.exitCode() != 0 && !out.contains("\n" + marker + " 0 ") && refused(who, r)) {
                throw new FactException("reading facts as " + who + " failed: "
                        + r.stderr().strip().lines().findFirst().orElse(""));
            }
            Map<Fact<?>, Object> known = known(who);
            int from = 0;
            for (int i = 0; i < sections.size(); i++) {
                String tag = "\n" + marker + " " + i + " ";
                int at = out.indexOf(tag, from);
                if (at < 0) {
                    return; // Output cut short (e.g. over the capture limit): the rest are read one by one.
                }
                int lineEnd = out.indexOf('\n', at + tag.length());
                String status = out.substring(at + tag.length(), lineEnd < 0 ? out.length() : lineEnd)
                        .strip();
                String sectionOut = out.substring(from, at);
                if (status.equals(ABSENT)) {
                    Fact<?> fact = single.get(i - batches.size());
                    known.put(fact, fact.absent());
                    onRead.accept(fact, fact.absent());
                    from = lineEnd < 0 ? out.length() : lineEnd + 1;
                    continue;
                }
                int exit = Integer.parseInt(status);
                if (i == resolveSection) {
                    FactInvalidation.parseResolutions(toResolve, sectionOut, exit, resolved);
                } else if (i < batches.size()) {
                    batches.get(i).parse(sectionOut, known, onRead);
                } else {
                    Fact<?> fact = single.get(i - batches.size());
                    Object value = fact.hasValue(exit) ? fact.parse(sectionOut) : fact.absent();
                    known.put(fact, value);
                    onRead.accept(fact, value);
                }
                from = lineEnd < 0 ? out.length() : lineEnd + 1;
            }
        }
    }

    /**
     * Whether a failed read failed because the user switch itself was refused (sudo wants a password, su is not
     * allowed) rather than because the thing is absent: those tools say so on stderr under their own name.
     */
    private static boolean refused(FactUser who, CommandResult r) {
        if (who.how() == Command.Escalation.NONE) {
            return false;
        }
        String err = r.stderr().strip();
        String tool = who.how().name().toLowerCase(java.util.Locale.ROOT) + ":";
        return err.startsWith(tool) || err.contains("\n" + tool);
    }

    /** How a read that did not exit ended, in words: {@code timed out after 2s}, {@code failed: connection lost}. */
    private String failure(CommandResult r) {
        return r.outcome() == CommandResult.Outcome.TIMED_OUT
                ? "timed out after " + dev.jinfra.engine.ExecWork.describe(timeout)
                : "failed: "
                        + r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public int reads() {
        return reads.get();
    }

    /** A fact could not be read at all (the connection failed), as opposed to being absent. */
    static class FactException extends RuntimeException {
        FactException(String message) {
            super(message);
        }
    }

    /**
     * The host could not be read at all: the read timed out or its connection was lost. Reading any other fact
     * would end the same way, so the prepare phase fails the host at once instead of waiting again per operation.
     */
    static final class Unreadable extends FactException {
        Unreadable(String message) {
            super(message);
        }
    }
}
