package dev.jinfra.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole run: every host's result in inventory order, counts per state, and whether it was interrupted.
 *
 * @param stopReason why the run stopped starting hosts before the end (failure budget, a batch that failed
 *     whole), or null; an interrupted run says so in {@code interrupted}
 */
public record RunSummary(List<HostResult> results, Duration elapsed, boolean interrupted, String stopReason) {

    public RunSummary {
        results = List.copyOf(results);
    }

    public Map<HostState, Integer> counts() {
        Map<HostState, Integer> counts = new EnumMap<>(HostState.class);
        for (HostState s : HostState.values()) {
            counts.put(s, 0);
        }
        results.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    public int count(HostState state) {
        return (int) results.stream().filter(r -> r.state() == state).count();
    }

    public List<HostResult> withState(HostState state) {
        return results.stream().filter(r -> r.state() == state).toList();
    }

    public boolean allSucceeded() {
        return !interrupted && results.stream().allMatch(r -> r.state() == HostState.SUCCEEDED);
    }

    /** One line for people: "47 of 50 hosts succeeded; 2 failed; 1 unreachable". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(count(HostState.SUCCEEDED))
                .append(" of ")
                .append(results.size())
                .append(results.size() == 1 ? " host succeeded" : " hosts succeeded");
        for (HostState s :
                List.of(HostState.FAILED, HostState.TIMED_OUT, HostState.UNREACHABLE, HostState.NOT_STARTED)) {
            int n = count(s);
            if (n > 0) {
                sb.append("; ").append(n).append(' ').append(s.label());
            }
        }
        if (interrupted) {
            sb.append(" (interrupted)");
        } else if (stopReason != null) {
            sb.append(" (stopped: ").append(stopReason).append(')');
        }
        return sb.toString();
    }
}
