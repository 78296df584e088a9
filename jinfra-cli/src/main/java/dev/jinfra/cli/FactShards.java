package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code fact} lines of a fact run's shards merged into the one run a single controller would have read:
 * every targeted host in inventory order, hosts without a reading (their shard missing or not finished) not
 * started.
 */
final class FactShards {
    private FactShards() {}

    static FactRun run(ShardedRun run) {
        Map<String, FactReading> byHost = new HashMap<>();
        for (ShardOutput part : run.parts()) {
            for (JsonNode e : part.events("fact")) {
                FactReading r = reading(e, part);
                byHost.put(r.host(), r);
            }
        }
        List<FactReading> readings = new ArrayList<>();
        for (String host : run.identity().targeted()) {
            FactReading r = byHost.get(host);
            if (r == null) {
                String why = run.absence(host);
                r = FactReading.notStarted(
                        host,
                        why != null ? why : "no reading in " + run.partOf(host).source());
            }
            readings.add(r);
        }
        return new FactRun(run.identity().what(), readings, run.elapsed(), run.interrupted());
    }

    /** The fact's name and arguments, as the JSON lines name them, from the first part that read one. */
    static FactJsonLines jsonLines(ShardedRun run, java.io.PrintStream out) {
        String fact = run.identity().what().split(" ", 2)[0];
        Map<String, String> arguments = new LinkedHashMap<>();
        run.parts().stream()
                .flatMap(p -> p.events("fact").stream())
                .findFirst()
                .ifPresent(e -> e.path("arguments")
                        .properties()
                        .forEach(a -> arguments.put(a.getKey(), a.getValue().asText())));
        return new FactJsonLines(out, fact, arguments, run.identity());
    }

    private static FactReading reading(JsonNode e, ShardOutput part) {
        String host = e.path("host").asText();
        FactReading.State state;
        try {
            state = FactReading.State.valueOf(e.path("state").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new UsageException(part.source() + ": host " + host + " has an unknown state '"
                    + e.path("state").asText() + "'");
        }
        return state == FactReading.State.READ
                ? FactReading.read(host, e.get("value"))
                : new FactReading(host, state, null, e.path("error").asText(""));
    }
}
