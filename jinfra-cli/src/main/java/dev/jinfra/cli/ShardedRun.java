package dev.jinfra.cli;

import dev.jinfra.cli.output.RunIdentity;
import dev.jinfra.cli.output.Shard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of one run read back for {@code jinfra report}: checked to belong to one run, with the shards that
 * are missing or did not finish named, and for every targeted host the part that had it. Hosts of a missing
 * shard, and the hosts a shard that did not finish left without a result, count as not started, so the merged
 * report accounts for every targeted host exactly once, as a single run's would.
 */
final class ShardedRun {
    private final RunIdentity identity;
    private final int shards;
    private final Map<Integer, ShardOutput> byIndex;
    private final List<Integer> missing = new ArrayList<>();

    /** @param identity the whole run's: no shard, so the number of shards comes on its own */
    private ShardedRun(RunIdentity identity, int shards, Map<Integer, ShardOutput> byIndex) {
        this.identity = identity;
        this.shards = shards;
        this.byIndex = byIndex;
        for (int i = 1; i <= shards; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
    }

    /** @throws UsageException when the parts are of different runs, or a shard comes twice */
    static ShardedRun of(List<ShardOutput> parts) {
        if (parts.isEmpty()) {
            throw new UsageException("nothing to report: no run in the files given");
        }
        ShardOutput first = parts.getFirst();
        Map<Integer, ShardOutput> byIndex = new TreeMap<>();
        for (ShardOutput p : parts) {
            String difference = first.identity().differenceFrom(p.identity());
            if (difference != null) {
                throw new UsageException(p.source() + " is of another run than " + first.source() + ": " + difference
                        + "; report each run's files on their own");
            }
            int index = p.identity().shard() == null ? 1 : p.identity().shard().index();
            ShardOutput before = byIndex.put(index, p);
            if (before != null) {
                throw new UsageException(p.name() + " comes twice, in " + before.source() + " and in " + p.source()
                        + " (started " + before.identity().started() + " and "
                        + p.identity().started() + ")");
            }
        }
        Instant started = parts.stream()
                .map(p -> p.identity().started())
                .min(Comparator.naturalOrder())
                .orElseThrow();
        RunIdentity id = first.identity();
        var whole = new RunIdentity(
                id.runId(),
                id.action(),
                id.what(),
                id.inventoryDigest(),
                id.workDigest(),
                null,
                started,
                id.targeted());
        return new ShardedRun(whole, id.shards(), byIndex);
    }

    int shards() {
        return shards;
    }

    /** The identity of the merged run: no shard, started when its first part started. */
    RunIdentity identity() {
        return identity;
    }

    /** The parts that were found, in shard order. */
    List<ShardOutput> parts() {
        return List.copyOf(byIndex.values());
    }

    /** The part that had {@code host}, or null when its shard is missing. */
    ShardOutput partOf(String host) {
        return byIndex.get(indexOf(host));
    }

    private int indexOf(String host) {
        return shards() == 1 ? 1 : Shard.of(host, shards());
    }

    /**
     * Why {@code host} may have no result: its shard is missing or did not finish; null when its part finished.
     */
    String absence(String host) {
        ShardOutput part = partOf(host);
        if (part == null) {
            return "shard " + indexOf(host) + "/" + shards() + " missing";
        }
        return part.finished() ? null : part.name() + " did not finish";
    }

    /** One line for each shard that is missing or did not finish. */
    List<String> problems() {
        List<String> lines = new ArrayList<>();
        for (int i : missing) {
            lines.add("shard " + i + "/" + shards() + " missing: no file has it; its hosts count as not started");
        }
        for (ShardOutput p : byIndex.values()) {
            if (!p.finished()) {
                lines.add(p.name() + " did not finish (" + p.source()
                        + " has no summary): its hosts without a result count as not started");
            }
        }
        return lines;
    }

    /** The parts' own stop reasons, each once, then the shards missing or not finished; null when none. */
    String stopReason() {
        Set<String> reasons = new LinkedHashSet<>();
        for (ShardOutput p : byIndex.values()) {
            if (p.finished() && p.summary().hasNonNull("stop_reason")) {
                reasons.add(p.summary().get("stop_reason").asText());
            }
        }
        missing.forEach(i -> reasons.add("shard " + i + "/" + shards() + " missing"));
        byIndex.values().stream().filter(p -> !p.finished()).forEach(p -> reasons.add(p.name() + " did not finish"));
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Whether any part was stopped with Ctrl-C. */
    boolean interrupted() {
        return byIndex.values().stream()
                .anyMatch(p -> p.finished() && p.summary().path("interrupted").asBoolean());
    }

    /** From the first part's start to the last part's end; parts that did not finish count up to their start. */
    Duration elapsed() {
        Instant end = identity.started();
        for (ShardOutput p : byIndex.values()) {
            long millis = p.finished() ? p.summary().path("elapsed_ms").asLong() : 0;
            Instant partEnd = p.identity().started().plusMillis(millis);
            if (partEnd.isAfter(end)) {
                end = partEnd;
            }
        }
        return Duration.between(identity.started(), end);
    }
}
