package dev.jinfra.cli.output;

import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostPattern;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deploy's live progress on standard error. On a terminal, one status line redrawn in place:
 * {@code [2/5] App directory · done 31/40 · failed 1 · 12s · waiting for web-[03-04]}; otherwise a plain line
 * as each operation starts ({@code jinfra: [2/5] App directory (40 hosts)}), and a status line every ten
 * seconds while one runs long, so logs show what a slow deploy is waiting on.
 *
 * <p>On a terminal, standard output and error share the screen, and {@link DeployReport} prints its lines when
 * the plan is made, when each operation ends and when the deploy ends. So at each of those events this
 * clears the status line and stops redrawing until the next operation starts. That only works when this
 * listener hears each event before the report does: register it first.
 *
 * <p>{@link #close()} stops the display when a deploy ends without its {@code finished} event (an exception),
 * so no half-drawn line is left before the error message.
 */
public final class DeployProgress implements DeployListener, AutoCloseable {
    private static final Duration TERMINAL_REFRESH = Duration.ofMillis(120);
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    private static final Duration OWN_PACE_RESUME = Duration.ofMillis(250);
    private static final int STRAGGLERS_SHOWN = 5;
    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final PrintStream err;
    private final boolean terminal;
    private final Style style;

    // Guarded by this: events come from many threads, and line() must see one consistent state.
    private int connected;
    private int unreachable;
    private String operation;
    private int done;
    private int expected;
    private int failed;
    private long operationStart;
    /** Hosts of the running operation that have not finished it, in inventory order. */
    private final Set<String> running = new LinkedHashSet<>();
    /**
     * Hosts that failed an operation: the runner skips their later operations without a hostFinished, so they
     * are not waited for. A host that comes back (its failure was ignored) is counted again.
     */
    private final Set<String> failedHosts = new HashSet<>();
    /** The run's operations, once planned: hosts at their own pace are counted against them. */
    private List<PlannedOperation> planned = List.of();
    /**
     * Hosts going at their own pace (the free strategy, pipelined hosts): one count of host-operation pairs for the
     * whole batch instead of one per operation, and what each host has left.
     */
    private boolean ownPace;

    private final Set<String> told = new HashSet<>();
    private final java.util.Map<String, Integer> leftByHost = new java.util.LinkedHashMap<>();
    /** When a paused own-pace line may be drawn again: the report prints right after the event that paused it. */
    private long resumeAt;

    // Guarded by err, which is also what every write locks: a redraw never lands between a clear and the
    // report's next line.
    private boolean paused;
    private boolean closed;
    private Thread painter;

    public DeployProgress(PrintStream err, boolean terminal, Style style) {
        this.err = err;
        this.terminal = terminal;
        this.style = style;
    }

    @Override
    public void hostConnected(Host host) {
        synchronized (this) {
            connected++;
        }
        startPainter();
    }

    @Override
    public void unreachable(Host host, String why) {
        synchronized (this) {
            unreachable++;
        }
        startPainter();
    }

    @Override
    public void planned(List<PlannedOperation> operations) {
        synchronized (this) {
            planned = List.copyOf(operations);
        }
        pause();
    }

    @Override
    public void ownPaceStarted(int hostOperations) {
        synchronized (this) {
            ownPace = true;
            operation = "hosts at their own pace";
            done = 0;
            failed = 0;
            expected = hostOperations;
            told.clear();
            leftByHost.clear();
            for (PlannedOperation op : planned) {
                for (Host h : op.hosts()) {
                    leftByHost.merge(h.name(), 1, Integer::sum);
                }
            }
            running.clear();
            running.addAll(leftByHost.keySet());
            operationStart = System.nanoTime();
        }
        synchronized (err) {
            if (closed) {
                return;
            }
            paused = false;
            if (!terminal) {
                err.println("jinfra: " + operation + " (" + hostOperations + " operations on " + leftByHost.size()
                        + (leftByHost.size() == 1 ? " host)" : " hosts)"));
                err.flush();
            }
        }
        startPainter();
    }

    @Override
    public void hostProgressed(Host host, dev.jinfra.deploy.OperationId id, boolean failedHere) {
        synchronized (this) {
            if (ownPace) {
                countOwnPace(host.name(), id, failedHere);
            }
        }
    }

    // Called holding this. A pair told of twice (inside its script, then when the script ended) counts once.
    private void countOwnPace(String name, dev.jinfra.deploy.OperationId id, boolean failedHere) {
        if (!told.add(name + '\0' + id)) {
            return;
        }
        done++;
        if (failedHere) {
            failed++;
            running.remove(name);
        } else if (leftByHost.merge(name, -1, Integer::sum) <= 0) {
            running.remove(name);
        }
    }

    @Override
    public void operationStarted(int number, int total, PlannedOperation op) {
        synchronized (this) {
            if (ownPace) {
                // Every host is done with it: the report prints it now, and the own-pace line goes on after.
                return;
            }
        }
        String announce;
        synchronized (this) {
            operation = "[" + number + "/" + total + "] " + op.name();
            done = 0;
            failed = 0;
            running.clear();
            for (Host h : op.hosts()) {
                if (!failedHosts.contains(h.name())) {
                    running.add(h.name());
                }
            }
            expected = running.size();
            operationStart = System.nanoTime();
            announce = "jinfra: " + operation + " (" + expected + (expected == 1 ? " host)" : " hosts)");
        }
        synchronized (err) {
            if (closed) {
                return;
            }
            paused = false;
            if (!terminal) {
                err.println(announce);
                err.flush();
            }
        }
        startPainter();
    }

    @Override
    public void hostFinished(OperationOutcome outcome) {
        String name = outcome.host().name();
        synchronized (this) {
            if (ownPace) {
                countOwnPace(name, outcome.id(), outcome.status() == OperationStatus.FAILED);
                return;
            }
            if (!running.remove(name)) {
                expected++;
            }
            done++;
            if (outcome.status() == OperationStatus.FAILED) {
                failed++;
                failedHosts.add(name);
            } else {
                failedHosts.remove(name);
            }
        }
    }

    @Override
    public void operationFinished(int number, int total, PlannedOperation op, List<OperationOutcome> outcomes) {
        pause();
        synchronized (this) {
            if (ownPace) {
                resumeAt = System.nanoTime() + OWN_PACE_RESUME.toNanos();
            }
        }
    }

    @Override
    public void finished(DeployResult result) {
        close();
    }

    /** Clears the status line and stops for good; safe to call more than once. */
    @Override
    public void close() {
        Thread p;
        synchronized (err) {
            if (closed) {
                return;
            }
            clear();
            closed = true;
            p = painter;
        }
        if (p != null) {
            p.interrupt();
            try {
                p.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The report is about to print: take the status line off the screen and keep it off until the next start. */
    private void pause() {
        synchronized (err) {
            clear();
            paused = true;
        }
    }

    // Called holding err.
    private void clear() {
        if (terminal && !paused && !closed && painter != null) {
            if (err instanceof StatusLineStream status) {
                status.clearStatus();
            } else {
                err.print(CLEAR_LINE);
                err.flush();
            }
        }
    }

    private void startPainter() {
        synchronized (err) {
            if (painter == null && !closed) {
                painter = Thread.ofPlatform()
                        .daemon()
                        .name("jinfra-deploy-progress")
                        .start(this::paintLoop);
            }
        }
    }

    private void paintLoop() {
        long lastPlain = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(terminal ? TERMINAL_REFRESH : Duration.ofMillis(500));
            } catch (InterruptedException e) {
                return;
            }
            String text = line();
            boolean resume = resumeOwnPace();
            synchronized (err) {
                if (closed) {
                    return;
                }
                if (paused && resume) {
                    paused = false;
                }
                if (paused) {
                    lastPlain = System.nanoTime();
                } else if (terminal) {
                    if (err instanceof StatusLineStream status) {
                        status.drawStatus(text);
                    } else {
                        err.print(CLEAR_LINE + text);
                        err.flush();
                    }
                } else if (System.nanoTime() - lastPlain >= PLAIN_EVERY.toNanos()) {
                    lastPlain = System.nanoTime();
                    err.println("jinfra: " + text);
                    err.flush();
                }
            }
        }
    }

    private volatile int waitingForSession;

    @Override
    public void sessionsWaiting(int hosts) {
        waitingForSession = hosts;
    }

    /** Hosts with work that wait for a place among the sessions that may be open at once. */
    private String queued() {
        int n = waitingForSession;
        return n > 0 ? " · " + n + " waiting for a session" : "";
    }

    /**
     * Whether the own-pace line, paused for the report to print an operation every host is done with, may be drawn
     * again: the report prints in the same thread right after the pause, well within the grace.
     */
    private synchronized boolean resumeOwnPace() {
        if (!ownPace || resumeAt == 0 || System.nanoTime() < resumeAt) {
            return false;
        }
        resumeAt = 0;
        return true;
    }

    /** The status line as it is now; package-private so tests can read it without a terminal. */
    synchronized String line() {
        if (operation == null) {
            // Connecting, then running every host's deploy code: no operation yet, and no count of hosts to come.
            StringBuilder sb = new StringBuilder("connected ").append(connected);
            if (unreachable > 0) {
                sb.append(" · ").append(style.red("unreachable " + unreachable));
            }
            return sb.append(queued()).toString();
        }
        StringBuilder sb = new StringBuilder(operation);
        sb.append(" · done ").append(done).append('/').append(expected);
        if (failed > 0) {
            sb.append(" · ").append(style.red("failed " + failed));
        }
        sb.append(queued());
        sb.append(" · ")
                .append((System.nanoTime() - operationStart) / 1_000_000_000L)
                .append('s');
        if (!running.isEmpty() && running.size() <= STRAGGLERS_SHOWN) {
            sb.append(" · waiting for ").append(HostPattern.fold(new ArrayList<>(running)));
        }
        return sb.toString();
    }
}
