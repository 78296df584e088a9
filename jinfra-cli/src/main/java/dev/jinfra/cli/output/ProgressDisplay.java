package dev.jinfra.cli.output;

import dev.jinfra.engine.HostResult;
import dev.jinfra.engine.RunListener;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostPattern;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live progress on standard error. On a terminal, one status line redrawn in place (connected n/N, running,
 * done, failed, and which hosts are still running once only a few are left); otherwise a plain line now and
 * then, so logs of long runs show that something is happening without a line per host.
 */
public final class ProgressDisplay implements RunListener {
    private static final Duration TERMINAL_REFRESH = Duration.ofMillis(120);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    private static final int STRAGGLERS_SHOWN = 5;

    /** How progress is shown. */
    public enum Mode {
        /** On a terminal: one status line, redrawn in place and cleared at the end. */
        LIVE,
        /** Asked for off a terminal: the number of hosts, each batch as it starts, and a status line every 10s. */
        PLAIN,
        /** Off a terminal by default: only the status line every 10s, so a run that ends sooner prints nothing. */
        SPARSE
    }

    private final PrintStream err;
    private final boolean terminal;
    private final boolean announce;
    private final Duration plainEvery;
    private final Style style;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger problems = new AtomicInteger();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile int total;
    private volatile boolean finished;
    private volatile String batch = "";
    private volatile int waitingForSession;
    private Thread painter;
    private long startNanos;

    public ProgressDisplay(PrintStream err, boolean terminal, Style style) {
        this(err, terminal ? Mode.LIVE : Mode.PLAIN, style);
    }

    public ProgressDisplay(PrintStream err, Mode mode, Style style) {
        this(err, mode, style, PLAIN_EVERY);
    }

    /** @param plainEvery how often a status line is printed off a terminal */
    ProgressDisplay(PrintStream err, Mode mode, Style style, Duration plainEvery) {
        this.err = err;
        this.terminal = mode == Mode.LIVE;
        this.announce = mode == Mode.PLAIN;
        this.plainEvery = plainEvery;
        this.style = style;
    }

    @Override
    public void runStarted(List<Host> hosts) {
        total = hosts.size();
        startNanos = System.nanoTime();
        if (announce) {
            err.println("jinfra: " + total + (total == 1 ? " host" : " hosts"));
        }
        painter = Thread.ofPlatform().daemon().name("jinfra-progress").start(this::paintLoop);
    }

    @Override
    public void batchStarted(int number, int batches, List<Host> hosts) {
        if (batches > 1) {
            batch = "batch " + number + "/" + batches + " · ";
            if (announce) {
                err.println("jinfra: batch " + number + "/" + batches + ": "
                        + HostPattern.fold(hosts.stream().map(Host::name).toList()));
            }
        }
    }

    @Override
    public void hostConnecting(Host host) {
        running.add(host.name());
    }

    @Override
    public void hostConnected(Host host) {
        connected.incrementAndGet();
    }

    @Override
    public void hostFinished(HostResult result) {
        running.remove(result.host().name());
        done.incrementAndGet();
        if (result.state().isProblem()) {
            problems.incrementAndGet();
        }
    }

    @Override
    public void runFinished(RunSummary summary) {
        finished = true;
        if (painter != null) {
            painter.interrupt();
            try {
                painter.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (terminal) {
            if (err instanceof StatusLineStream status) {
                status.clearStatus();
            } else {
                synchronized (err) {
                    err.print("\r\u001b[2K");
                    err.flush();
                }
            }
        }
    }

    private void paintLoop() {
        long lastPlain = System.nanoTime();
        while (!finished) {
            try {
                Thread.sleep(
                        terminal
                                ? TERMINAL_REFRESH
                                : plainEvery.compareTo(Duration.ofMillis(500)) < 0
                                        ? plainEvery
                                        : Duration.ofMillis(500));
            } catch (InterruptedException e) {
                return;
            }
            if (finished) {
                return;
            }
            if (terminal) {
                if (err instanceof StatusLineStream status) {
                    status.drawStatus(line());
                } else {
                    synchronized (err) {
                        err.print("\r\u001b[2K" + line());
                        err.flush();
                    }
                }
            } else if (System.nanoTime() - lastPlain >= plainEvery.toNanos()) {
                lastPlain = System.nanoTime();
                err.println("jinfra: " + line());
            }
        }
    }

    @Override
    public void sessionsWaiting(int hosts) {
        waitingForSession = hosts;
    }

    String line() {
        int d = done.get();
        int p = problems.get();
        StringBuilder sb = new StringBuilder(batch);
        sb.append("connected ").append(connected.get()).append('/').append(total);
        sb.append(" · running ").append(running.size());
        int queued = waitingForSession;
        if (queued > 0) {
            sb.append(" · ").append(queued).append(" waiting for a session");
        }
        sb.append(" · done ").append(d).append('/').append(total);
        if (p > 0) {
            sb.append(" · ").append(style.red("problems " + p));
        }
        long secs = (System.nanoTime() - startNanos) / 1_000_000_000L;
        sb.append(" · ").append(secs).append('s');
        int left = running.size();
        if (left > 0 && left <= STRAGGLERS_SHOWN && d > 0) {
            sb.append(" · waiting for ").append(HostPattern.fold(List.copyOf(running)));
        }
        return sb.toString();
    }
}
