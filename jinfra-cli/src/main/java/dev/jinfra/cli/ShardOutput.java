package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.cli.output.RunIdentity;
import java.util.List;

/**
 * One part of a run as its JSON lines tell it: which run and shard it is, its events in the order they were
 * written, and its summary when it finished (a controller killed mid-run leaves none).
 *
 * @param source where it was read, as the user named it ({@code shards/2.json}, {@code stdin})
 * @param events every line after the run line, up to the summary
 * @param summary the {@code summary} line, or null when the part did not finish
 */
record ShardOutput(String source, RunIdentity identity, List<JsonNode> events, JsonNode summary) {
    ShardOutput {
        events = List.copyOf(events);
    }

    boolean finished() {
        return summary != null;
    }

    /** {@code shard 2/4}, or {@code the run} for a run that was not split. */
    String name() {
        return identity.shard() == null ? "the run" : "shard " + identity.shard();
    }

    /** The events of one type, in order. */
    List<JsonNode> events(String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }
}
