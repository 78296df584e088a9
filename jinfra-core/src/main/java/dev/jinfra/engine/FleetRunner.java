package dev.jinfra.engine;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs a piece of work on many hosts at once: one virtual thread per host, at most the policy's
 * {@code parallel} hosts in flight, batch after batch, stopping early when the failure budget is spent or the
 * run is cancelled. Every host ends with exactly one {@link HostResult}, reported to the listener once, and
 * the summary holds them in the order given. Exec and the fact command are such runs; deploys share the
 * policy, the batch loop, the failure tally and the session window with it.
 */
public final class FleetRunner {
    private final Function<Host, Connector> connectors;

    /** @param connectors picks the connector for a host (see {@link dev.jinfra.connect.Connectors}) */
    public FleetRunner(Function<Host, Connector> connectors) {
        this.connectors = connectors;
    }

    public RunSummary run(List<Host> hosts, HostWork work, RunPolicy policy, RunListener listener, RunControl control) {
        long start = System.nanoTime();
        listener.runStarted(hosts);
        Map<Host, HostResult> results = new LinkedHashMap<>();
        hosts.forEach(h -> results.put(h, null));
        Map<Host, String> notStarted = new LinkedHashMap<>();
        String stopReason;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                var scope = new RunScope(hosts, policy, connectors, control, listener)) {
            stopReason = scope.runBatches(
                    (number, count, batch) -> {
                        runBatch(batch, work, policy, listener, control, scope, threads, results);
                        return null;
                    },
                    (batch, why) -> batch.forEach(h -> notStarted.put(h, why)));
        }
        List<HostResult> ordered = new ArrayList<>(hosts.size());
        for (var e : results.entrySet()) {
            HostResult r = e.getValue();
            if (r == null) {
                String why = notStarted.getOrDefault(e.getKey(), stopReason);
                r = HostResult.notStarted(e.getKey(), why == null ? "not started" : why);
                listener.hostFinished(r);
            }
            ordered.add(r);
        }
        var summary = new RunSummary(
                ordered,
                Duration.ofNanos(System.nanoTime() - start),
                control.isCancelled(),
                control.isCancelled() ? null : stopReason);
        listener.runFinished(summary);
        return summary;
    }

    private void runBatch(
            List<Host> batch,
            HostWork work,
            RunPolicy policy,
            RunListener listener,
            RunControl control,
            RunScope scope,
            ExecutorService threads,
            Map<Host, HostResult> results) {
        FailureTally tally = scope.tally();
        SessionWindow window = scope.window();
        var inFlight = new Semaphore(Math.min(Math.min(policy.parallel(), window.limit()), Math.max(1, batch.size())));
        List<Future<?>> started = new ArrayList<>(batch.size());
        for (Host host : batch) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
            }
            if (control.isCancelled() || tally.stopReason() != null) {
                inFlight.release();
                break;
            }
            started.add(threads.submit(() -> {
                try {
                    HostResult r = runOne(host, work, listener, control, window);
                    if (r == null) {
                        return; // stopped before it connected: reported with the other hosts not started
                    }
                    synchronized (results) {
                        results.put(host, r);
                    }
                    if (r.state().isProblem()) {
                        tally.hostFailed();
                        if (tally.stopReason() != null) {
                            scope.gate().close();
                        }
                    }
                    listener.hostFinished(r);
                } finally {
                    inFlight.release();
                }
            }));
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
            } catch (java.util.concurrent.ExecutionException e) {
                // runOne turns every failure into a result; reaching here is a bug worth surfacing.
                throw new IllegalStateException("host task failed", e.getCause());
            }
        }
    }

    /** @return the host's result, or null when the run stopped starting hosts before this one connected */
    private HostResult runOne(
            Host host, HostWork work, RunListener listener, RunControl control, SessionWindow window) {
        long start = System.nanoTime();
        listener.hostConnecting(host);
        Connection connection;
        try {
            connection = window.acquire(host);
        } catch (SessionWindow.Stopped e) {
            return null;
        } catch (UnreachableException e) {
            return HostResult.unreachable(host, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            // Malformed settings for this host, or a bug in a connector: this host fails, the run goes on.
            String why = dev.jinfra.problem.Problems.inWords(e);
            return HostResult.unreachable(host, why, Duration.ofNanos(System.nanoTime() - start));
        }
        try {
            listener.hostConnected(host);
            HostResult r = work.run(connection, (stream, line) -> listener.hostOutput(host, stream, line));
            if (control.isCancelled() && r.state() == HostState.FAILED && r.exitCode() < 0) {
                return new HostResult(
                        host, HostState.FAILED, -1, r.stdout(), r.stderr(), "interrupted while running", r.duration());
            }
            return r;
        } finally {
            window.finish(host);
        }
    }
}
