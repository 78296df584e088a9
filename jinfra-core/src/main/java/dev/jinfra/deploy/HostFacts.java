package dev.jinfra.deploy;

import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One host's facts, each read once over the host's connection and kept until an operation changes the host.
 * Counts the commands it ran, so that the round trips a run costs can be shown.
 */
final class HostFacts implements FactSource {
    private volatile Connection connection;
    private final java.util.function.BiConsumer<Fact<?>, Object> onRead;
    private final Map<Fact<?>, Object> cache = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private boolean probed;
    // Plans made against the facts above; they hold as long as the facts do.
    private final Map<OperationId, Plan> plans = new HashMap<>();

    HostFacts(Connection connection, java.util.function.BiConsumer<Fact<?>, Object> onRead) {
        this.connection = connection;
        this.onRead = onRead;
    }

    @Override
    public synchronized <T> T get(Fact<T> fact) {
        if (cache.containsKey(fact)) {
            @SuppressWarnings("unchecked")
            T known = (T) cache.get(fact);
            return known;
        }
        reads.incrementAndGet();
        CommandResult r = connection.run(CommandRequest.of(fact.command().render()), OutputListener.NONE);
        T value;
        if (r.outcome() != CommandResult.Outcome.EXITED) {
            throw new FactException("reading " + fact + " failed: " + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
        value = r.exitCode() == 0 ? fact.parse(r.stdout()) : fact.absent();
        cache.put(fact, value);
        onRead.accept(fact, value);
        return value;
    }

    /** A known value, or the fact's absent value when it was not read yet; never does I/O. */
    @SuppressWarnings("unchecked")
    synchronized <T> T peekOrAbsent(Fact<T> fact) {
        return cache.containsKey(fact) ? (T) cache.get(fact) : fact.absent();
    }

    /** After a reboot: the new connection, and nothing known of the host that came back. */
    synchronized void reconnected(Connection fresh) {
        connection = fresh;
        forget();
    }

    /** After a change to the host, what was read before may no longer be true. */
    synchronized void forget() {
        cache.clear();
        plans.clear();
        probed = false;
    }

    /**
     * The operation's plan against these facts, made once until the host changes: plans are pure functions of
     * the facts, so the plan shown in the proposal is the one that runs.
     */
    synchronized Plan plan(OperationId id, Operation operation) {
        Plan known = plans.get(id);
        if (known == null) {
            known = operation.plan(this);
            plans.put(id, known);
        }
        return known;
    }

    /** Whether the facts of the operations still to come were gathered since the last change. */
    synchronized boolean probed() {
        return probed;
    }

    /**
     * Reads all of {@code wanted} that are not known yet in one command, so that a host's planning costs one
     * round trip instead of one per fact. Each fact's output is followed by a marker line with its exit status;
     * the marker holds a random token, so no fact's output can imitate it.
     */
    /** @return whether anything was read (false when every wanted fact was known already) */
    synchronized boolean prefetch(java.util.Collection<Fact<?>> wanted) {
        probed = true;
        List<Fact<?>> missing = wanted.stream().filter(f -> !cache.containsKey(f)).distinct().toList();
        if (missing.isEmpty()) {
            return false;
        }
        String marker = "jinfra-fact-" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            dev.jinfra.command.Command c = missing.get(i).command();
            // A plain program runs in the probe's own shell (a subshell would cost a fork per fact); anything else
            // in a subshell, so that nothing it does to its shell reaches the facts after it.
            script.append(c.isPlainProgram() ? "{ " + c.render() + "; }" : "( " + c.render() + " )")
                    .append(" 2>/dev/null; printf '\\n%s %d %d\\n' ")
                    .append(marker).append(' ').append(i).append(" $?\n");
        }
        reads.incrementAndGet();
        CommandResult r = connection.run(CommandRequest.of(script.toString()), OutputListener.NONE);
        if (r.outcome() != CommandResult.Outcome.EXITED) {
            throw new FactException("reading facts failed: " + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
        String out = r.stdout();
        int from = 0;
        for (int i = 0; i < missing.size(); i++) {
            String tag = "\n" + marker + " " + i + " ";
            int at = out.indexOf(tag, from);
            if (at < 0) {
                return true; // Output cut short (e.g. over the capture limit): the rest are read one by one.
            }
            int lineEnd = out.indexOf('\n', at + tag.length());
            int exit = Integer.parseInt(out.substring(at + tag.length(), lineEnd < 0 ? out.length() : lineEnd).strip());
            String factOut = out.substring(from, at);
            Fact<?> fact = missing.get(i);
            Object value = exit == 0 ? fact.parse(factOut) : fact.absent();
            cache.put(fact, value);
            onRead.accept(fact, value);
            from = lineEnd < 0 ? out.length() : lineEnd + 1;
        }
        return true;
    }

    int reads() {
        return reads.get();
    }

    /** A fact could not be read at all (the connection failed), as opposed to being absent. */
    static final class FactException extends RuntimeException {
        FactException(String message) {
            super(message);
        }
    }
}
