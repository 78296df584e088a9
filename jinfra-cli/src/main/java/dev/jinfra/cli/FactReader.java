package dev.jinfra.cli;

import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.deploy.Fact;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one fact on many hosts at once, a virtual thread per host and at most {@code parallel} hosts
 * connected at a time. Reading changes nothing, so there is no ordering between hosts to respect.
 */
final class FactReader {
    private final Function<Host, Connector> connectors;
    private final int parallel;
    private final Duration timeout;

    /** @param timeout how long the fact's command may run; {@link Duration#ZERO} for no limit */
    FactReader(Function<Host, Connector> connectors, int parallel, Duration timeout) {
        this.connectors = connectors;
        this.parallel = parallel;
        this.timeout = timeout;
    }

    /**
     * @param finished told of each host as it finishes, from the host's thread
     * @return the readings in the order of {@code hosts}
     */
    List<FactReading> read(List<Host> hosts, Fact<?> fact, Consumer<FactReading> finished) {
        FactReading[] readings = new FactReading[hosts.size()];
        var gate = new Semaphore(Math.max(1, Math.min(parallel, hosts.size())));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < hosts.size(); i++) {
                int index = i;
                threads.submit(() -> {
                    Host host = hosts.get(index);
                    FactReading r;
                    gate.acquireUninterruptibly();
                    try {
                        r = readOne(host, fact);
                    } catch (RuntimeException e) {
                        // One host's surprise must not cost the others their results.
                        r = FactReading.failed(host.name(), String.valueOf(e.getMessage() == null ? e : e.getMessage()));
                    } finally {
                        gate.release();
                    }
                    readings[index] = r;
                    finished.accept(r);
                });
            }
        }
        return Arrays.asList(readings);
    }

    private FactReading readOne(Host host, Fact<?> fact) {
        Connection connection;
        try {
            connection = connectors.apply(host).connect(host);
        } catch (UnreachableException e) {
            return FactReading.unreachable(host.name(), e.getMessage());
        }
        try (connection) {
            CommandResult r = connection.run(CommandRequest.of(fact.command().render()).withTimeout(timeout), OutputListener.NONE);
            return switch (r.outcome()) {
                case EXITED -> value(host, fact, r);
                case TIMED_OUT -> FactReading.failed(host.name(), "timed out after " + String.format(java.util.Locale.ROOT, "%.1fs", timeout.toMillis() / 1000.0));
                case CONNECTION_LOST -> FactReading.failed(host.name(), "connection lost while reading the fact");
            };
        }
    }

    /** Exit 0 means the thing is there and its output is the value; any other exit means it is absent. */
    private static FactReading value(Host host, Fact<?> fact, CommandResult r) {
        Object value;
        try {
            value = fact.hasValue(r.exitCode()) ? fact.parse(r.stdout()) : fact.absent();
        } catch (RuntimeException e) {
            return FactReading.failed(host.name(), "cannot read the output: " + e.getMessage());
        }
        return FactReading.read(host.name(), FactJson.toTree(value));
    }
}
