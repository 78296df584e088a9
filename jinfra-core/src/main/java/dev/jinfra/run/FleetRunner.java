package dev.jinfra.run;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs a piece of work on many hosts at once: one virtual thread per host, at most {@code parallel} hosts in
 * flight, batch after batch, stopping early on the first problem when asked to. Every host ends with exactly
 * one {@link HostResult}, reported to the listener once, and the summary holds them in the order given.
 */
public final class FleetRunner {

    /**
     * @param parallel hosts worked on at once (connections are further bounded by the connector's policy)
     * @param failFast after the first host that fails, times out or is unreachable, start no further hosts
     */
    public record Options(int parallel, Batching batching, boolean failFast) {
        public Options {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel < 1: " + parallel);
            }
        }

        public static Options defaults() {
            return new Options(Integer.MAX_VALUE, Batching.NONE, false);
        }
    }

    private final Function<Host, Connector> connectors;

    /** @param connectors picks the connector for a host (SSH, or local for {@code @local}) */
    public FleetRunner(Function<Host, Connector> connectors) {
        this.connectors = connectors;
    }

    public RunSummary run(List<Host> hosts, HostWork work, Options options, RunListener listener, RunControl control) {
        long start = System.nanoTime();
        listener.runStarted(hosts);
        Map<Host, HostResult> results = new LinkedHashMap<>();
        hosts.forEach(h -> results.put(h, null));
        var stop = new AtomicBoolean();
        var gate = new StartGate();
        Runnable closeGate = gate::close;
        control.whenCancelled(closeGate);
        String stopReason = null;
        List<List<Host>> batches = options.batching().split(hosts);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < batches.size(); b++) {
                if (control.isCancelled() || stop.get()) {
                    break;
                }
                List<Host> batch = batches.get(b);
                listener.batchStarted(b + 1, batches.size(), batch);
                runBatch(batch, work, options, listener, control, stop, gate, threads, results);
                if (b + 1 < batches.size() && !options.batching().delay().isZero() && !stop.get()) {
                    pause(options.batching().delay(), control);
                }
            }
        } finally {
            control.forget(closeGate);
        }
        if (control.isCancelled()) {
            stopReason = "run interrupted";
        } else if (stop.get()) {
            stopReason = "an earlier host failed (fail-fast)";
        }
        List<HostResult> ordered = new ArrayList<>(hosts.size());
        for (var e : results.entrySet()) {
            HostResult r = e.getValue();
            if (r == null) {
                r = HostResult.notStarted(e.getKey(), stopReason == null ? "not started" : stopReason);
                listener.hostFinished(r);
            }
            ordered.add(r);
        }
        var summary = new RunSummary(ordered, Duration.ofNanos(System.nanoTime() - start), control.isCancelled());
        listener.runFinished(summary);
        return summary;
    }

    private void runBatch(List<Host> batch, HostWork work, Options options, RunListener listener, RunControl control,
                          AtomicBoolean stop, StartGate gate, ExecutorService threads, Map<Host, HostResult> results) {
        var inFlight = new Semaphore(Math.min(options.parallel(), Math.max(1, batch.size())));
        List<Future<?>> started = new ArrayList<>(batch.size());
        for (Host host : batch) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
            }
            if (control.isCancelled() || stop.get()) {
                inFlight.release();
                break;
            }
            started.add(threads.submit(() -> {
                try {
                    HostResult r = runOne(host, work, listener, control, gate);
                    if (r == null) {
                        return; // stopped before it connected: reported with the other hosts not started
                    }
                    synchronized (results) {
                        results.put(host, r);
                    }
                    if (options.failFast() && r.state().isProblem()) {
                        stop.set(true);
                        gate.close();
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
    private HostResult runOne(Host host, HostWork work, RunListener listener, RunControl control, StartGate gate) {
        long start = System.nanoTime();
        if (!gate.enter()) {
            return null;
        }
        listener.hostConnecting(host);
        Connection connection;
        try {
            connection = connectors.apply(host).connect(host);
        } catch (UnreachableException e) {
            boolean stopped = !gate.leave();
            if (stopped && (e.reason() == UnreachableException.Reason.INTERRUPTED || control.isCancelled())) {
                // Stopped while it was still connecting: it never ran, whatever the connection did.
                return null;
            }
            return HostResult.unreachable(host, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            gate.leave();
            // Malformed settings for this host, or a bug in a connector: this host fails, the run goes on.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return HostResult.unreachable(host, why, Duration.ofNanos(System.nanoTime() - start));
        }
        if (!gate.leave()) {
            connection.close();
            return null;
        }
        control.opened(connection);
        try {
            listener.hostConnected(host);
            HostResult r = work.run(connection, (stream, line) -> listener.hostOutput(host, stream, line));
            if (control.isCancelled() && r.state() == HostState.FAILED && r.exitCode() < 0) {
                return new HostResult(host, HostState.FAILED, -1, r.stdout(), r.stderr(), "interrupted while running", r.duration());
            }
            return r;
        } finally {
            control.closed(connection);
            connection.close();
        }
    }

    private static void pause(Duration delay, RunControl control) {
        long end = System.nanoTime() + delay.toNanos();
        // Short steps so that Ctrl-C during a long batch delay stops at once.
        while (!control.isCancelled() && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
            }
        }
    }
}
