package dev.jinfra.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Which run a file of JSON lines belongs to, written as its first line ({@code "type":"run"}), so that the
 * results of different runs are never merged by mistake: {@code jinfra report} merges only files whose run id,
 * action, targeted hosts and work agree, and names the first thing that differs otherwise.
 *
 * @param runId the name all shards of one run share ({@code --run-id}); an unsharded run without one is named by
 *     its start time
 * @param action {@code exec}, {@code fact} or {@code deploy}
 * @param what the run as people name it ({@code exec -- uptime}), for the retry file and messages
 * @param inventoryDigest {@code sha256:} of the targeted host names (after {@code --limit}, before the shard)
 * @param workDigest {@code sha256:} of what runs on them: the command, the fact, the deploy files' content
 * @param shard this file's part of the run, or null for a whole run
 * @param started when this part of the run started
 * @param targeted every host of the whole run (all shards), in inventory order
 */
public record RunIdentity(
        String runId,
        String action,
        String what,
        String inventoryDigest,
        String workDigest,
        Shard shard,
        Instant started,
        List<String> targeted) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunIdentity {
        targeted = List.copyOf(targeted);
    }

    /** The identity of a run about to start on {@code targeted}, doing the work described by {@code work}. */
    public static RunIdentity of(
            String runId, String action, String what, List<String> work, Shard shard, List<String> targeted) {
        Instant started = Instant.now();
        return new RunIdentity(
                runId == null ? started.toString() : runId,
                action,
                what,
                digest(targeted),
                digest(work),
                shard,
                started,
                targeted);
    }

    /** {@code sha256:} and the hex of the parts, each ended by a NUL so that no two lists of parts collide. */
    public static String digest(List<String> parts) {
        MessageDigest sha = Shard.sha256();
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** How many parts the run was split into: 1 for a whole run. */
    public int shards() {
        return shard == null ? 1 : shard.count();
    }

    /** Whether {@code host} is in this file's part of the run. */
    public boolean covers(String host) {
        return shard == null || shard.contains(host);
    }

    /** The {@code run} line. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode().put("type", "run");
        o.put("run_id", runId).put("action", action).put("what", what);
        o.put("shard", shard == null ? null : shard.toString());
        o.put("inventory_digest", inventoryDigest).put("work_digest", workDigest);
        o.put("started", started.toString());
        ArrayNode hosts = o.putArray("targeted");
        targeted.forEach(hosts::add);
        return o;
    }

    /** The identity fields the {@code summary} line repeats, so that a summary read alone still says whose it is. */
    public void addTo(ObjectNode summary) {
        summary.put("run_id", runId);
        summary.put("shard", shard == null ? null : shard.toString());
    }

    /**
     * Reads a {@code run} line.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static RunIdentity fromJson(JsonNode o) {
        List<String> targeted = new ArrayList<>();
        JsonNode hosts = o.get("targeted");
        if (hosts == null || !hosts.isArray()) {
            throw new IllegalArgumentException("its run line has no targeted hosts");
        }
        hosts.forEach(h -> targeted.add(h.asText()));
        JsonNode shard = o.get("shard");
        try {
            return new RunIdentity(
                    text(o, "run_id"),
                    text(o, "action"),
                    text(o, "what"),
                    text(o, "inventory_digest"),
                    text(o, "work_digest"),
                    shard == null || shard.isNull() ? null : Shard.parse(shard.asText()),
                    Instant.parse(text(o, "started")),
                    targeted);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its run line has a start time that is not one: " + e.getParsedString());
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("its run line has no " + field);
        }
        return v.asText();
    }

    /** What makes {@code other} a part of another run than this, in words, or null when it is of the same run. */
    public String differenceFrom(RunIdentity other) {
        if (!runId.equals(other.runId)) {
            return "run id '" + other.runId + "', not '" + runId + "'";
        }
        if (!action.equals(other.action)) {
            return "a " + other.action + " run, not " + action;
        }
        if (!workDigest.equals(other.workDigest)) {
            return "other work (" + other.what + ", not " + what + ")";
        }
        if (!inventoryDigest.equals(other.inventoryDigest)) {
            return "other targeted hosts (" + other.targeted.size() + " hosts, digest " + other.inventoryDigest + ")";
        }
        if (other.shards() != shards()) {
            return "split into " + other.shards() + " shards, not " + shards();
        }
        return null;
    }
}
