package dev.jinfra.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.RunHosts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prepare phase for one host: runs the deploy code with this context bound (a {@link ScopedValue}, so it
 * is visible exactly for the duration of that call and on that thread), and collects the operations the code
 * registers, each with its {@link OperationId}.
 */
public final class PrepareContext {
    private static final ScopedValue<PrepareContext> CURRENT = ScopedValue.newInstance();

    /** An operation registered for a host, in the host's own order. */
    public record Registered(OperationId id, OperationCall call) {}

    private final Host host;
    private final RunHosts run;
    private final FactSource facts;
    private final List<Registered> registered = new ArrayList<>();
    private final Map<List<String>, Integer> seen = new HashMap<>();
    private final java.util.ArrayDeque<Settings> pieces = new java.util.ArrayDeque<>();

    private PrepareContext(Host host, RunHosts run, FactSource facts) {
        this.host = host;
        this.run = run;
        this.facts = facts;
    }

    /** Runs the deploys for one host and returns what they registered, in order. */
    public static List<Registered> prepare(Host host, List<Deploy> deploys, FactSource facts) {
        return prepare(host, RunHosts.of(Inventory.of("", List.of(host))), deploys, facts);
    }

    /**
     * Runs the deploys for one host of a run (the hosts its templates may name, as Ansible's {@code groups},
     * {@code hostvars} and {@code ansible_play_hosts}) and returns what they registered, in order.
     */
    public static List<Registered> prepare(Host host, RunHosts run, List<Deploy> deploys, FactSource facts) {
        PrepareContext context = new PrepareContext(host, run, facts);
        ScopedValue.where(CURRENT, context).run(() -> {
            for (Deploy d : deploys) {
                d.deploy(host);
            }
        });
        for (Registered r : context.registered) {
            r.call().seal(r.id());
        }
        return List.copyOf(context.registered);
    }

    /** Registers an operation for the host being prepared. Operation families call this. */
    public static OperationCall register(Operation operation) {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("operations can only be registered while a deploy runs (prepare phase)");
        }
        return CURRENT.get().add(operation);
    }

    /**
     * Registers an operation whose arguments the caller gives by name next, each at its default until then:
     * {@code register(Directory.class).arg("path", path)}. The record is built once they are all given.
     */
    public static <R extends Record & Operation> OperationCall register(Class<R> type) {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("operations can only be registered while a deploy runs (prepare phase)");
        }
        return CURRENT.get().add(OperationArguments.defaults(type));
    }

    /**
     * Registers a typed call ({@code FilesDirectoryCall::new}), every argument at its default until the front
     * door and the deploy code give them. Front doors call this.
     */
    static <C extends OperationCall> C register(java.util.function.Function<Settings, C> newCall) {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("operations can only be registered while a deploy runs (prepare phase)");
        }
        PrepareContext c = CURRENT.get();
        C call = newCall.apply(c.piece());
        c.add(call);
        return call;
    }

    /** Registers a typed call that starts from an operation already built: a front door given the whole record. */
    static <C extends OperationCall> C register(Operation built, java.util.function.Function<Settings, C> newCall) {
        C call = register(newCall);
        call.startFrom(built);
        return call;
    }

    /** The host whose deploy code is running, for operations built from its data (e.g. template variables). */
    public static Host host() {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("the current host is only known while a deploy runs (prepare phase)");
        }
        return CURRENT.get().host;
    }

    /**
     * The hosts the host being prepared is deployed among: what templates name as Ansible's {@code groups},
     * {@code hostvars} and {@code ansible_play_hosts}, and whether they render in Ansible's template environment.
     */
    public static RunHosts runHosts() {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("the run's hosts are only known while a deploy runs (prepare phase)");
        }
        return CURRENT.get().run;
    }

    /** A fact of the host being prepared, for deploy code that branches on it. */
    public static <T> T fact(Fact<T> fact) {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("facts can only be read while a host's deploy code runs (prepare phase)");
        }
        return CURRENT.get().facts.get(fact);
    }

    /** Runs a deploy piece whose operations take {@code settings} unless they set their own. */
    public static void with(Settings settings, Runnable piece) {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("with(...) can only be used while a deploy runs (prepare phase)");
        }
        PrepareContext c = CURRENT.get();
        Settings outer = c.pieces.isEmpty() ? Settings.NONE : c.pieces.peek();
        c.pieces.push(settings.over(outer));
        try {
            piece.run();
        } finally {
            c.pieces.pop();
        }
    }

    private OperationCall add(Operation operation) {
        return add(new OperationCall(operation, piece()));
    }

    private OperationCall add(OperationArguments arguments) {
        return add(new OperationCall(arguments, piece()));
    }

    private Settings piece() {
        return pieces.isEmpty() ? Settings.NONE : pieces.peek();
    }

    private OperationCall add(OperationCall call) {
        List<String> sites = CallSites.current();
        int occurrence = seen.merge(sites, 1, Integer::sum) - 1;
        registered.add(new Registered(new OperationId(sites, occurrence), call));
        return call;
    }
}
