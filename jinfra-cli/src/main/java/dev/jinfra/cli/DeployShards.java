package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployListener.PlannedOperation;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.engine.deploy.Proposal;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON lines of a deploy's shards merged into the one deploy a single controller would have run, and played
 * to the deploy's own report and JSON listeners, so that {@code jinfra report} shows it as the deploy itself
 * would have: the plan (every shard's operations, in an order each shard's agrees with), the proposal, each
 * operation with its outcomes on every host, and the result. Operations are told apart by their id, the same on
 * every host; the shards' own numbers for them are only used to read each shard's lines.
 */
final class DeployShards {
    private static final Pattern REPEAT = Pattern.compile("(.*) #(\\d+)");

    private final ShardedRun run;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<String>> hostsOf = new HashMap<>();
    private final Map<List<String>, OperationOutcome> outcomes = new HashMap<>();
    private final List<Proposal.Entry> proposed = new ArrayList<>();
    private final Map<List<String>, List<String>> checkProblems = new LinkedHashMap<>();
    private final Map<String, String> unreachable = new LinkedHashMap<>();
    private final List<String> connected = new ArrayList<>();
    private final Map<String, String> locksBroken = new LinkedHashMap<>();

    DeployShards(ShardedRun run) {
        this.run = run;
        List<String> targeted = run.identity().targeted();
        for (int i = 0; i < targeted.size(); i++) {
            positions.put(targeted.get(i), i);
        }
        run.parts().forEach(this::read);
    }

    private void read(ShardOutput part) {
        Map<Integer, String> ids = new HashMap<>();
        int previous = -1;
        for (JsonNode plan : part.events("plan")) {
            for (JsonNode op : plan.path("operations")) {
                String id = op.path("id").asText();
                ids.put(op.path("number").asInt(), id);
                names.putIfAbsent(id, op.path("name").asText());
                // After the operation this shard ran before it: an order every shard's plan agrees with.
                int at = order.indexOf(id);
                if (at < 0) {
                    order.add(previous + 1, id);
                    at = previous + 1;
                }
                previous = at;
                List<String> hosts = hostsOf.computeIfAbsent(id, k -> new ArrayList<>());
                op.path("hosts").forEach(h -> hosts.add(h.asText()));
            }
        }
        for (JsonNode e : part.events()) {
            String host = e.path("host").asText();
            switch (e.path("type").asText()) {
                case "host_connected" -> connected.add(host);
                case "host_unreachable" -> unreachable.put(host, e.path("error").asText());
                case "lock_broken" -> locksBroken.put(host, e.path("holder").asText());
                case "proposed" ->
                    proposed.add(proposal(e, ids.get(e.path("operation").asInt())));
                case "check_failed" -> {
                    List<String> hosts = checkProblems.computeIfAbsent(
                            List.of(
                                    ids.getOrDefault(e.path("operation").asInt(), "?"),
                                    e.path("message").asText()),
                            k -> new ArrayList<>());
                    e.path("hosts").forEach(h -> hosts.add(h.asText()));
                }
                case "result" -> {
                    String id = ids.getOrDefault(
                            e.path("operation").asInt(), e.path("name").asText());
                    outcomes.put(List.of(id, host), outcome(e, id));
                }
                default -> {}
            }
        }
    }

    private Proposal.Entry proposal(JsonNode e, String id) {
        Proposal.Kind kind = switch (e.path("kind").asText()) {
            case "change" -> Proposal.Kind.CHANGE;
            case "unchanged" -> Proposal.Kind.NO_CHANGE;
            default -> Proposal.Kind.UNKNOWN;
        };
        return new Proposal.Entry(
                operationId(id),
                names.getOrDefault(id, id),
                ExecShards.host(e.path("host").asText()),
                kind,
                texts(e.path("commands")),
                text(e, "reason"),
                e.path("conditional").asBoolean());
    }

    private OperationOutcome outcome(JsonNode e, String id) {
        return new OperationOutcome(
                operationId(id),
                e.path("name").asText(),
                ExecShards.host(e.path("host").asText()),
                OperationStatus.valueOf(e.path("status").asText().toUpperCase(Locale.ROOT)),
                texts(e.path("commands")),
                text(e, "reason"),
                e.path("stdout").asText(""),
                e.path("stderr").asText(""),
                e.hasNonNull("exit_code") ? e.get("exit_code").asInt() : -1,
                text(e, "diff"));
    }

    /** The id as the plan line wrote it: call sites joined by {@code " > "}, a repeat suffixed {@code " #2"}. */
    static OperationId operationId(String written) {
        Matcher m = REPEAT.matcher(written);
        boolean repeat = m.matches();
        String sites = repeat ? m.group(1) : written;
        return new OperationId(List.of(sites.split(" > ")), repeat ? Integer.parseInt(m.group(2)) - 1 : 0);
    }

    private List<PlannedOperation> operations() {
        return order.stream()
                .map(id -> new PlannedOperation(
                        operationId(id),
                        names.get(id),
                        inOrder(hostsOf.get(id)).stream().map(ExecShards::host).toList()))
                .toList();
    }

    private List<String> inOrder(java.util.Collection<String> hosts) {
        return hosts.stream()
                .distinct()
                .sorted(Comparator.comparingInt(h -> positions.getOrDefault(h, Integer.MAX_VALUE)))
                .toList();
    }

    /** Each host of the operation's one outcome; a host its unfinished shard left without one was not run. */
    private List<OperationOutcome> outcomesOf(PlannedOperation op) {
        String id = op.id().toString();
        List<OperationOutcome> of = new ArrayList<>();
        for (Host h : op.hosts()) {
            OperationOutcome o = outcomes.get(List.of(id, h.name()));
            if (o == null && run.absence(h.name()) != null) {
                o = new OperationOutcome(
                        op.id(), op.name(), h, OperationStatus.NOT_RUN, List.of(), run.absence(h.name()), "", "", -1);
            }
            if (o != null) {
                of.add(o);
            }
        }
        return of;
    }

    /**
     * Plays the merged run to {@code listener} as the deploy runner would have: hosts connecting, the plan, the
     * proposal, each operation, and the result.
     */
    DeployResult replay(DeployListener listener) {
        List<Host> targeted =
                run.identity().targeted().stream().map(ExecShards::host).toList();
        listener.runStarted(targeted);
        inOrder(connected).forEach(h -> listener.hostConnected(ExecShards.host(h)));
        inOrder(unreachable.keySet()).forEach(h -> listener.unreachable(ExecShards.host(h), unreachable.get(h)));
        List<PlannedOperation> operations = operations();
        listener.planned(operations);
        if (!proposed.isEmpty()) {
            listener.proposed(new Proposal(proposed.stream()
                    .sorted(Comparator.comparingInt((Proposal.Entry e) -> order.indexOf(e.id().toString()))
                            .thenComparingInt(
                                    e -> positions.getOrDefault(e.host().name(), Integer.MAX_VALUE)))
                    .toList()));
        }
        if (!checkProblems.isEmpty()) {
            List<DeployListener.CheckProblem> problems = new ArrayList<>();
            checkProblems.forEach((key, hosts) -> problems.add(new DeployListener.CheckProblem(
                    operationId(key.get(0)),
                    key.get(1),
                    inOrder(hosts).stream().map(ExecShards::host).toList())));
            listener.checkFailed(problems);
        }
        locksBroken.forEach((h, holder) -> listener.lockBroken(ExecShards.host(h), holder));
        List<OperationOutcome> all = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            PlannedOperation op = operations.get(i);
            List<OperationOutcome> of = outcomesOf(op);
            all.addAll(of);
            listener.operationStarted(i + 1, operations.size(), op);
            listener.operationFinished(i + 1, operations.size(), op, of);
        }
        DeployResult result = result(operations, all);
        listener.finished(result);
        return result;
    }

    private DeployResult result(List<PlannedOperation> operations, List<OperationOutcome> all) {
        Map<String, DeployHostState> states = new LinkedHashMap<>();
        Map<String, String> errors = new HashMap<>();
        Map<String, Integer> roundTrips = new HashMap<>();
        boolean dryRun = false;
        for (ShardOutput part : run.parts()) {
            if (part.finished()) {
                dryRun |= part.summary().path("dry_run").asBoolean();
                part.summary()
                        .path("errors")
                        .properties()
                        .forEach(e -> errors.put(e.getKey(), e.getValue().asText()));
                part.summary()
                        .path("round_trips")
                        .properties()
                        .forEach(e -> roundTrips.put(e.getKey(), e.getValue().asInt()));
            }
        }
        for (String host : run.identity().targeted()) {
            ShardOutput part = run.partOf(host);
            JsonNode state = part == null
                    ? null
                    : part.summary() == null
                            ? null
                            : part.summary().path("states").get(host);
            if (state != null) {
                states.put(host, DeployHostState.valueOf(state.asText().toUpperCase(Locale.ROOT)));
                continue;
            }
            // A shard missing or cut short: what its lines tell of the host.
            List<OperationOutcome> ofHost =
                    all.stream().filter(o -> o.host().name().equals(host)).toList();
            DeployHostState s;
            if (unreachable.containsKey(host)) {
                s = DeployHostState.UNREACHABLE;
                errors.put(host, unreachable.get(host));
            } else if (ofHost.stream().anyMatch(o -> o.status() == OperationStatus.FAILED)) {
                s = DeployHostState.FAILED;
                ofHost.stream()
                        .filter(o -> o.status() == OperationStatus.FAILED && o.reason() != null)
                        .findFirst()
                        .ifPresent(o -> errors.put(host, o.reason()));
            } else {
                boolean started = ofHost.stream().anyMatch(o -> o.status() != OperationStatus.NOT_RUN);
                s = started ? DeployHostState.INCOMPLETE : DeployHostState.NOT_STARTED;
                errors.put(host, (started ? "" : "not started: ") + run.absence(host));
            }
            states.put(host, s);
        }
        return new DeployResult(
                operations,
                all,
                states,
                errors,
                roundTrips,
                dryRun,
                run.interrupted(),
                run.elapsed(),
                run.stopReason());
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(c -> list.add(c.asText()));
        return list;
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asText() : null;
    }
}
