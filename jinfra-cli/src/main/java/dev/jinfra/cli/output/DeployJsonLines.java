package dev.jinfra.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deploy as JSON lines for scripts and CI: one JSON object per line, one line per event, each with a
 * {@code type}. The format is stable: fields may be added, none renamed or removed.
 *
 * <pre>
 * {"type":"run","run_id":"2026-12-06T07:00:00Z","action":"deploy","what":"deploy [deploy.java]","shard":null,
 *  "inventory_digest":"sha256:...","work_digest":"sha256:...","started":"2026-12-06T07:00:00Z",
 *  "targeted":["web-01","web-02"]}
 * {"type":"host_connected","host":"web-01"}
 * {"type":"host_unreachable","host":"web-02","error":"connection refused"}
 * {"type":"plan","operations":[{"number":1,"id":"deploy.java:3","name":"App directory","hosts":["web-01"]}]}
 * {"type":"fact","host":"web-01","fact":"DirectoryInfo","args":{"path":"/srv/app"},"value":null}
 * {"type":"proposed","operation":1,"host":"web-01","kind":"change","commands":["mkdir -p -- /srv/app"],
 *  "reason":null,"conditional":false}
 * {"type":"operation_start","number":1,"total":3,"name":"App directory","hosts":1}
 * {"type":"result","operation":1,"name":"App directory","host":"web-01","status":"changed",
 *  "commands":["mkdir -p -- /srv/app"],"reason":null,"exit_code":0,"stdout":"...","stderr":"..."}
 * {"type":"operation_end","number":1,"name":"App directory","changed":1,"unchanged":0,"failed":0,"skipped":0,
 *  "not_run":0,"unknown":0}
 * {"type":"summary","hosts":2,"changed":1,"unchanged":0,"failed":0,"unreachable":1,"not_started":0,"incomplete":0,
 *  "operations":{"changed":1,"unchanged":0,"failed":0,"skipped":0,"not_run":0,"unknown":0},
 *  "dry_run":false,"interrupted":false,"stop_reason":null,"elapsed_ms":1234,"round_trips":{"web-01":4},
 *  "errors":{"web-02":"connection refused"},"states":{"web-01":"changed","web-02":"unreachable"},
 *  "run_id":"2026-12-06T07:00:00Z","shard":null}
 * </pre>
 *
 * <ul>
 *   <li>{@code run}: first, which run this is ({@link RunIdentity}): what {@code jinfra report} checks before it
 *       merges the files of a run's shards.</li>
 *   <li>{@code plan}: the operations in run order, after every host's deploy code ran. {@code id} is where the
 *       operation was called ({@code file:line}, helper call chains joined by {@code " > "}, a repeat in a loop
 *       suffixed {@code " #2"}); it is the same on every host. {@code hosts} are the hosts that registered it.</li>
 *   <li>{@code fact}: a fact read from a host, with the fact's arguments and its value (null where the thing
 *       is absent; file content is never shown: {@code "(content not shown)"}); a fact is read again after an
 *       operation changed its host.</li>
 *   <li>{@code proposed}: after the plan and before any change, one per host of each operation: {@code kind}
 *       is {@code change} (with the commands it would run), {@code unchanged} (with the reason) or
 *       {@code unknown} (it depends on an earlier operation's change; the reason says why it cannot be told
 *       yet). {@code conditional} operations are only run if their condition holds at their turn.</li>
 *   <li>{@code lock_broken}: {@code --break-lock} removed another run's lock on {@code host}; {@code holder} says
 *       whose it was ({@code user@machine, process N}).</li>
 *   <li>{@code check_failed}: the pre-flight check after the prepare phase found a problem in the deploy's local
 *       inputs (a template that does not render, a local file missing): one per problem, with the {@code
 *       operation}, the {@code message} and the {@code hosts} it was found on. The run then stops before any
 *       change: the operations' results follow, {@code failed} where the check failed and else {@code not_run}.</li>
 *   <li>{@code result}: one per host of each operation, as that host finishes; hosts that did not run it
 *       ({@code skipped}: failed earlier, or the operation runs once elsewhere; {@code not_run}: the run stopped
 *       first) come just before {@code operation_end}; operations the run stopped before are reported too,
 *       every host {@code not_run}. {@code status} is {@code changed} (in a dry run: would change),
 *       {@code unchanged}, {@code failed}, {@code skipped}, {@code not_run} or, in a dry run only, {@code unknown} (the plan
 *       failed on a host where an earlier operation would have changed something first; not a failure). {@code commands} are the commands run (in a dry
 *       run, that would run). {@code reason} says why nothing was needed, why the host was skipped or what
 *       failed, else null. {@code exit_code} is null when no command's exit code applies. {@code stdout},
 *       {@code stderr} and {@code diff} (a content diff, with {@code --diff} or {@code --dry}) are there only
 *       when not empty.</li>
 *   <li>{@code summary}: each host's one final state, counted ({@code incomplete}: the run stopped before some
 *       of its operations; {@code not_started}: before any); {@code operations}: every host × operation's
 *       outcome, counted; {@code stop_reason}: why the run stopped early (failure budget, a batch that failed
 *       whole, not confirmed), else null; {@code round_trips} are the commands each
 *       reached host ran (fact reads and changes); {@code errors} says why each failed or unreachable host
 *       did not succeed; {@code states} is each host's state. The maps are in inventory order. {@code run_id}
 *       and {@code shard} repeat the run line's.</li>
 * </ul>
 */
public final class DeployJsonLines implements DeployListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    /** Operation numbers by id, from the plan: a host's outcome names its operation only by id. */
    private final Map<OperationId, Integer> numbers = new ConcurrentHashMap<>();
    /**
     * Hosts whose result line for the running operation is out. Operations run one after another, so one set
     * suffices; skipped hosts get no hostFinished and are written from operationFinished instead.
     */
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    private final RunIdentity run;

    /** Without a {@code run} line: for lines that are not a whole run's. */
    public DeployJsonLines(PrintStream out) {
        this(out, null);
    }

    public DeployJsonLines(PrintStream out, RunIdentity run) {
        this(out, run, h -> List.of());
    }

    /** @param via the jump hosts each host is reached through (a connection event's {@code via}, if any) */
    public DeployJsonLines(PrintStream out, RunIdentity run, java.util.function.Function<Host, List<String>> via) {
        this.out = out;
        this.run = run;
        this.via = via;
    }

    private final java.util.function.Function<Host, List<String>> via;

    private ObjectNode withVia(ObjectNode event, Host host) {
        List<String> hops = via.apply(host);
        if (!hops.isEmpty()) {
            hops.forEach(event.putArray("via")::add);
        }
        return event;
    }

    @Override
    public void runStarted(List<Host> hosts) {
        if (run != null) {
            emit(run.toJson());
        }
    }

    @Override
    public void hostConnected(Host host) {
        emit(withVia(event("host_connected").put("host", host.name()), host));
    }

    @Override
    public void unreachable(Host host, String why) {
        emit(withVia(event("host_unreachable").put("host", host.name()).put("error", why), host));
    }

    @Override
    public void planned(List<PlannedOperation> operations) {
        ObjectNode o = event("plan");
        ArrayNode list = o.putArray("operations");
        for (int i = 0; i < operations.size(); i++) {
            PlannedOperation op = operations.get(i);
            numbers.put(op.id(), i + 1);
            ObjectNode item = list.addObject();
            item.put("number", i + 1);
            item.put("id", op.id().toString());
            item.put("name", op.name());
            ArrayNode hosts = item.putArray("hosts");
            op.hosts().forEach(h -> hosts.add(h.name()));
        }
        emit(o);
    }

    @Override
    public void factRead(Host host, dev.jinfra.api.Fact<?> fact, Object value) {
        ObjectNode o = event("fact")
                .put("host", host.name())
                .put("fact", fact.getClass().getSimpleName());
        o.set("args", tree(fact));
        o.set("value", fact.valueIsContent() ? JSON.getNodeFactory().textNode("(content not shown)") : tree(value));
        emit(o);
    }

    @Override
    public void lockBroken(dev.jinfra.inventory.Host host, String holder) {
        emit(event("lock_broken").put("host", host.name()).put("holder", holder));
    }

    @Override
    public void checkFailed(List<dev.jinfra.engine.deploy.DeployListener.CheckProblem> problems) {
        for (var p : problems) {
            ObjectNode o = event("check_failed")
                    .put("operation", numbers.getOrDefault(p.operation(), 0))
                    .put("message", p.message());
            ArrayNode hosts = o.putArray("hosts");
            p.hosts().forEach(h -> hosts.add(h.name()));
            emit(o);
        }
    }

    @Override
    public void proposed(dev.jinfra.engine.deploy.Proposal proposal) {
        for (var e : proposal.entries()) {
            ObjectNode o = event("proposed")
                    .put("operation", numbers.getOrDefault(e.id(), 0))
                    .put("host", e.host().name())
                    .put(
                            "kind",
                            switch (e.kind()) {
                                case CHANGE -> "change";
                                case NO_CHANGE -> "unchanged";
                                case UNKNOWN -> "unknown";
                            });
            ArrayNode commands = o.putArray("commands");
            e.commands().forEach(commands::add);
            o.put("reason", e.reason()).put("conditional", e.conditional());
            emit(o);
        }
    }

    /** Fact records and their values as JSON; anything Jackson cannot map goes as its text. */
    private static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        try {
            return JSON.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return JSON.getNodeFactory().textNode(String.valueOf(value));
        }
    }

    @Override
    public void operationStarted(int number, int total, PlannedOperation operation) {
        written.clear();
        numbers.putIfAbsent(operation.id(), number);
        emit(event("operation_start")
                .put("number", number)
                .put("total", total)
                .put("name", operation.name())
                .put("hosts", operation.hosts().size()));
    }

    @Override
    public void hostFinished(OperationOutcome outcome) {
        written.add(outcome.host().name());
        emit(result(outcome));
    }

    @Override
    public void operationFinished(int number, int total, PlannedOperation operation, List<OperationOutcome> outcomes) {
        int[] counts = new int[OperationStatus.values().length];
        for (OperationOutcome o : outcomes) {
            counts[o.status().ordinal()]++;
            if (written.add(o.host().name())) {
                emit(result(o));
            }
        }
        ObjectNode end = event("operation_end").put("number", number).put("name", operation.name());
        for (OperationStatus s : OperationStatus.values()) {
            end.put(lower(s.name()), counts[s.ordinal()]);
        }
        emit(end);
    }

    @Override
    public void finished(DeployResult result) {
        ObjectNode o = event("summary").put("hosts", result.hostStates().size());
        for (DeployHostState s : DeployHostState.values()) {
            o.put(s.label(), result.count(s));
        }
        ObjectNode operations = o.putObject("operations");
        for (OperationStatus s : OperationStatus.values()) {
            operations.put(lower(s.name()), result.count(s));
        }
        o.put("dry_run", result.dryRun());
        o.put("interrupted", result.interrupted());
        o.put("stop_reason", result.stopReason());
        o.put("elapsed_ms", result.elapsed().toMillis());
        // The result's maps for these are unordered; the host states keep inventory order, so walk those.
        ObjectNode trips = o.putObject("round_trips");
        ObjectNode errors = o.putObject("errors");
        ObjectNode states = o.putObject("states");
        result.hostStates().forEach((host, state) -> states.put(host, state.label()));
        for (String host : result.hostStates().keySet()) {
            Integer n = result.roundTrips().get(host);
            if (n != null) {
                trips.put(host, n);
            }
            String error = result.hostErrors().get(host);
            if (error != null) {
                errors.put(host, error);
            }
        }
        if (run != null) {
            run.addTo(o);
        }
        emit(o);
    }

    private ObjectNode result(OperationOutcome r) {
        ObjectNode o = event("result");
        Integer number = numbers.get(r.id());
        if (number == null) {
            o.putNull("operation");
        } else {
            o.put("operation", number);
        }
        o.put("name", r.name());
        o.put("host", r.host().name());
        o.put("status", lower(r.status().name()));
        ArrayNode commands = o.putArray("commands");
        r.commands().forEach(commands::add);
        o.put("reason", r.reason());
        // -1 is the outcome's "no exit code" (a plan that threw, a skipped host); null says that plainly.
        if (r.exitCode() >= 0) {
            o.put("exit_code", r.exitCode());
        } else {
            o.putNull("exit_code");
        }
        if (r.stdout() != null && !r.stdout().isEmpty()) {
            o.put("stdout", r.stdout());
        }
        if (r.stderr() != null && !r.stderr().isEmpty()) {
            o.put("stderr", r.stderr());
        }
        if (r.diff() != null) {
            o.put("diff", r.diff());
        }
        return o;
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Serialised before taking the lock, printed and flushed under it: lines from many threads never mix. */
    private void emit(ObjectNode o) {
        String line = o.toString();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
