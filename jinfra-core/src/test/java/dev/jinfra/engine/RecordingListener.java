package dev.jinfra.engine;

import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a run told its listener, for assertions; also tracks how many hosts were in flight at once. */
final class RecordingListener implements RunListener {
    final List<HostResult> finished = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile RunSummary summary;

    @Override
    public void batchStarted(int number, int total, List<Host> hosts) {
        batches.add(hosts.stream().map(Host::name).toList());
    }

    @Override
    public void hostConnecting(Host host) {
        startedAt.put(host.name(), System.nanoTime());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        events.add("connecting " + host.name());
    }

    @Override
    public void hostFinished(HostResult result) {
        if (startedAt.containsKey(result.host().name())) {
            inFlight.decrementAndGet();
        }
        finishedAt.put(result.host().name(), System.nanoTime());
        finished.add(result);
    }

    @Override
    public void runFinished(RunSummary s) {
        summary = s;
    }

    List<String> finishedNames() {
        return new ArrayList<>(finished.stream().map(r -> r.host().name()).toList());
    }
}
