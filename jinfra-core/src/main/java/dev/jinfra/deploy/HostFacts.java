package dev.jinfra.deploy;

import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One host's facts, each read once over the host's connection and kept until an operation changes the host.
 * Counts the commands it ran, so that the round trips a run costs can be shown.
 */
final class HostFacts implements FactSource {
    private final Connection connection;
    private final java.util.function.BiConsumer<Fact<?>, Object> onRead;
    private final Map<Fact<?>, Object> cache = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

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

    /** After a change to the host, what was read before may no longer be true. */
    synchronized void forget() {
        cache.clear();
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
