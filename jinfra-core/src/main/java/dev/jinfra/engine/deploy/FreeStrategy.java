package dev.jinfra.engine.deploy;

import dev.jinfra.deploy.OperationId;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * The {@code free} strategy: every host goes through its own operations without waiting for slower hosts,
 * so a run takes about as long as the slowest host's own operations. Operations that need the hosts together
 * ({@code serial()}, {@code runOnce()}, {@code parallel(n)}, {@code barrier()}) are meeting points: each
 * host that has one waits there until every other host that has it has arrived or left the run.
 */
final class FreeStrategy {
    private final BatchRun run;
    private final List<DeployListener.PlannedOperation> planned;
    private final ExecutorService threads;
    private final Map<OperationId, MeetingPoint> meetings = new HashMap<>();
    private final Map<OperationId, Map<Host, OperationOutcome>> results = new ConcurrentHashMap<>();
    /**
     * --parallel: how many hosts may be working on an operation at once. A host holds a permit while it works
     * through its operations and gives it back while it waits at a meeting point, so hosts that have not
     * arrived yet can get there (holding it while waiting would deadlock once more hosts wait than permits).
     */
    private final Semaphore working;

    private volatile String stopped;
    // Operations are reported in run order, each once every one of its hosts is done with it.
    private int nextToReport;
    private List<OperationOutcome> reported;

    FreeStrategy(BatchRun run, List<DeployListener.PlannedOperation> planned, ExecutorService threads) {
        this.run = run;
        this.planned = planned;
        this.threads = threads;
        this.working = new Semaphore(Math.max(1, run.parallel()));
        for (var op : planned) {
            results.put(op.id(), new ConcurrentHashMap<>());
            List<Host> present =
                    op.hosts().stream().filter(h -> !run.hasLeft(h)).toList();
            if (!present.isEmpty() && isMeetingPoint(op, present.getFirst())) {
                meetings.put(op.id(), new MeetingPoint(op, new LinkedHashSet<>(present)));
            }
        }
    }

    private boolean isMeetingPoint(DeployListener.PlannedOperation op, Host any) {
        return BatchRun.isMeetingPoint(run.callOf(any, op.id()));
    }

    /** Runs every host's operations; returns why the run stopped early, or null. */
    String run(List<OperationOutcome> outcomes) {
        this.reported = outcomes;
        List<Host> hosts =
                planned.stream().flatMap(op -> op.hosts().stream()).distinct().toList();
        run.listener()
                .ownPaceStarted(
                        planned.stream().mapToInt(op -> op.hosts().size()).sum());
        // Every host gets its own thread at once; the working permits, not the start, limit what runs together.
        HostTasks.eachHost(threads, new Semaphore(Math.max(1, hosts.size())), hosts, this::runHost);
        reportFinished();
        return stopped;
    }

    /**
     * Under free there is no moment when an operation as a whole starts; it is reported (started and finished
     * at once) when its last host is done with it, and after every operation before it.
     */
    private synchronized void reportFinished() {
        while (nextToReport < planned.size()) {
            var op = planned.get(nextToReport);
            Map<Host, OperationOutcome> byHost = results.get(op.id());
            if (byHost.size() < op.hosts().size()) {
                return;
            }
            List<OperationOutcome> ofOp = op.hosts().stream().map(byHost::get).toList();
            nextToReport++;
            run.listener().operationStarted(nextToReport, planned.size(), op);
            reported.addAll(ofOp);
            run.listener().operationFinished(nextToReport, planned.size(), op, ofOp);
        }
    }

    private void runHost(Host host) {
        boolean holding = false;
        try {
            holding = runHostOperations(host);
        } finally {
            if (holding) {
                working.release();
            }
        }
    }

    /** @return whether the host still holds a working permit */
    private boolean runHostOperations(Host host) {
        boolean holding = false;
        List<DeployListener.PlannedOperation> mine = run.operationsOf(host);
        for (int i = 0; i < mine.size(); ) {
            var op = mine.get(i);
            if (stopped == null) {
                stopped = run.budgetExceeded();
            }
            if (run.hasLeft(host) || stopped != null) {
                String why = stopped != null ? stopped : "interrupted";
                for (var rest : mine.subList(i, mine.size())) {
                    results.get(rest.id()).put(host, run.notRunOrSkipped(rest, host, why));
                    MeetingPoint m = meetings.get(rest.id());
                    if (m != null) {
                        m.leave(host);
                    }
                }
                reportFinished();
                return holding;
            }
            MeetingPoint meeting = meetings.get(op.id());
            OperationOutcome outcome;
            if (meeting != null) {
                if (holding) {
                    working.release();
                    holding = false;
                }
                outcome = meeting.arrive(host);
            } else {
                if (!holding) {
                    try {
                        working.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        outcome = OperationOutcome.notRun(op.id(), op.name(), host, "interrupted");
                        results.get(op.id()).put(host, outcome);
                        // The rest of this host's operations are reported skipped on the next turn.
                        stopped = stopped == null ? "interrupted" : stopped;
                        reportFinished();
                        i++;
                        continue;
                    }
                    holding = true;
                }
                // One operation, or several in one script (pipelined): each has its own outcome.
                List<OperationOutcome> outcomes = run.runFrom(mine, i, host);
                for (OperationOutcome o : outcomes) {
                    results.get(mine.get(i).id()).put(host, o);
                    i++;
                }
                reportFinished();
                continue;
            }
            results.get(op.id()).put(host, outcome);
            reportFinished();
            i++;
        }
        return holding;
    }

    /** Hosts gather here; the last to arrive (or leave) runs the operation for all who came. */
    private final class MeetingPoint {
        private final DeployListener.PlannedOperation op;
        private final Set<Host> expected;
        private final List<Host> arrived = new ArrayList<>();
        private Map<Host, OperationOutcome> done;

        MeetingPoint(DeployListener.PlannedOperation op, Set<Host> expected) {
            this.op = op;
            this.expected = expected;
        }

        OperationOutcome arrive(Host host) {
            boolean last;
            synchronized (this) {
                arrived.add(host);
                expected.remove(host);
                last = expected.isEmpty();
            }
            if (last) {
                runForAll();
            }
            synchronized (this) {
                while (done == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return OperationOutcome.notRun(op.id(), op.name(), host, "interrupted");
                    }
                }
                return done.get(host);
            }
        }

        void leave(Host host) {
            boolean last;
            synchronized (this) {
                last = expected.remove(host) && expected.isEmpty() && done == null;
            }
            if (last) {
                runForAll();
            }
        }

        private void runForAll() {
            List<Host> present;
            synchronized (this) {
                present = List.copyOf(arrived);
            }
            Map<Host, OperationOutcome> out = new HashMap<>();
            List<OperationOutcome> list =
                    present.isEmpty() ? List.of() : run.execute(op, present, threads, working, false);
            for (int i = 0; i < present.size(); i++) {
                out.put(present.get(i), list.get(i));
            }
            synchronized (this) {
                done = out;
                notifyAll();
            }
        }
    }
}
