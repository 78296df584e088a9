package dev.jinfra.cli;

import dev.jinfra.api.Fact;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.engine.HostResult;
import dev.jinfra.engine.HostState;
import dev.jinfra.engine.HostWork;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads one fact on a host: the work behind {@code jinfra INVENTORY fact}, run by the same engine as exec, so
 * --parallel, batches, failure budgets and Ctrl-C behave alike. Keeps each host's reading (the parsed value, as
 * JSON) beside the engine's result.
 */
final class FactWork implements HostWork {
    private final Fact<?> fact;
    private final Duration timeout;
    private final Map<Host, FactReading> readings = new ConcurrentHashMap<>();

    /** @param timeout how long the fact's command may run; {@link Duration#ZERO} for no limit */
    FactWork(Fact<?> fact, Duration timeout) {
        this.fact = fact;
        this.timeout = timeout;
    }

    @Override
    public HostResult run(Connection connection, OutputListener output) {
        Host host = connection.host();
        CommandResult r = connection.run(
                CommandRequest.of(fact.command().render())
                        .withStdin(fact.command().stdin(null))
                        .withTimeout(timeout),
                OutputListener.NONE);
        FactReading reading;
        try {
            reading = switch (r.outcome()) {
                case EXITED -> value(host, r);
                case TIMED_OUT ->
                    FactReading.failed(
                            host.name(),
                            "timed out after "
                                    + String.format(java.util.Locale.ROOT, "%.1fs", timeout.toMillis() / 1000.0));
                case CONNECTION_LOST -> FactReading.failed(host.name(), "connection lost while reading the fact");
            };
        } catch (RuntimeException e) {
            // One host's surprise must not cost the others their results.
            reading = FactReading.failed(host.name(), dev.jinfra.problem.Problems.inWords(e));
        }
        readings.put(host, reading);
        HostState state = reading.state() == FactReading.State.READ ? HostState.SUCCEEDED : HostState.FAILED;
        return new HostResult(host, state, r.exitCode(), "", "", reading.error(), r.duration());
    }

    /** Exit 0 means the thing is there and its output is the value; any other exit means it is absent. */
    private FactReading value(Host host, CommandResult r) {
        Object value;
        try {
            value = fact.hasValue(r.exitCode()) ? fact.parse(r.stdout()) : fact.absent();
        } catch (RuntimeException e) {
            return FactReading.failed(host.name(), "cannot read the output: " + e.getMessage());
        }
        return FactReading.read(host.name(), FactJson.toTree(value));
    }

    /** The host's reading once it has finished: what it read, or why it has no value. */
    FactReading readingOf(HostResult result) {
        FactReading r = readings.get(result.host());
        if (r != null) {
            return r;
        }
        return switch (result.state()) {
            case UNREACHABLE -> FactReading.unreachable(result.host().name(), result.error());
            case NOT_STARTED -> FactReading.notStarted(result.host().name(), result.error());
            default -> FactReading.failed(result.host().name(), result.error() == null ? "not read" : result.error());
        };
    }

    /** Every host's reading in the run's order. */
    List<FactReading> readings(RunSummary summary) {
        return summary.results().stream().map(this::readingOf).toList();
    }

    /** Hears each host as it finishes, with its reading. */
    dev.jinfra.engine.RunListener listener(Consumer<FactReading> finished) {
        return new dev.jinfra.engine.RunListener() {
            @Override
            public void hostFinished(HostResult result) {
                finished.accept(readingOf(result));
            }
        };
    }
}
