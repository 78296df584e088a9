package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.engine.HostResult;
import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code host} lines of an exec run's shards merged into the one summary a single run would have made: every
 * targeted host in inventory order, hosts without a result (their shard missing or not finished) not started.
 */
final class ExecShards {
    private ExecShards() {}

    static RunSummary summary(ShardedRun run) {
        Map<String, HostResult> byHost = new HashMap<>();
        for (ShardOutput part : run.parts()) {
            for (JsonNode e : part.events("host")) {
                Host host = host(e.path("host").asText());
                byHost.put(host.name(), result(host, e, part));
            }
        }
        List<HostResult> results = new ArrayList<>();
        for (String name : run.identity().targeted()) {
            HostResult r = byHost.get(name);
            if (r == null) {
                String why = run.absence(name);
                r = HostResult.notStarted(
                        host(name),
                        why != null ? why : "no result in " + run.partOf(name).source());
            }
            results.add(r);
        }
        return new RunSummary(results, run.elapsed(), run.interrupted(), run.stopReason());
    }

    /** A host as the report knows it: by its name alone, which is all the reports show of it. */
    static Host host(String name) {
        return new Host(name, List.of(), Map.of());
    }

    private static HostResult result(Host host, JsonNode e, ShardOutput part) {
        HostState state;
        try {
            state = HostState.valueOf(e.path("state").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new UsageException(part.source() + ": host " + host.name() + " has an unknown state '"
                    + e.path("state").asText() + "'");
        }
        return new HostResult(
                host,
                state,
                e.hasNonNull("exit_code") ? e.get("exit_code").asInt() : -1,
                e.path("stdout").asText(""),
                e.path("stderr").asText(""),
                e.hasNonNull("error") ? e.get("error").asText() : null,
                Duration.ofMillis(e.path("duration_ms").asLong()));
    }
}
