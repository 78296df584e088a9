package dev.jinfra.inventory;

import dev.jinfra.command.Redaction;
import dev.jinfra.command.Secret;
import dev.jinfra.template.DeferredValue;
import dev.jinfra.template.TemplateException;
import dev.jinfra.template.TemplateRenderer;
import dev.jinfra.template.VariableException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the values of an Ansible inventory that are templates ({@code app_url: "https://{{
 * inventory_hostname }}:{{ app_port }}"}), as Ansible does: kept as written, and evaluated when read, in the
 * variables of the host they belong to, recursively (a value may name others that are templates too), with
 * Ansible's magic variables ({@code inventory_hostname}, {@code group_names}, {@code groups}, {@code hostvars},
 * {@code inventory_file}, {@code inventory_dir}), filters and {@code lookup()}.
 *
 * <p>A value made from a vault value is a {@link Secret} too (text, or the text inside a list or dict). A value
 * that names an undefined variable is undefined itself, so {@code default()} applies to it; read directly, it is
 * an error naming the host, the variable and where it was written, and so is a value that names itself through
 * others.
 */
final class AnsibleTemplating {
    private static final TemplateRenderer RENDERER = TemplateRenderer.ansible();

    /** Ansible's {@code omit} ({@link AnsibleOmit}). */
    static final String OMIT = AnsibleOmit.PLACEHOLDER;

    /** The variables being evaluated on this thread, innermost last, to find loops and where secrets went. */
    private static final ThreadLocal<Deque<Frame>> EVALUATING = ThreadLocal.withInitial(ArrayDeque::new);

    private static final class Frame {
        final String host;
        final String key;
        boolean readSecret;

        Frame(String host, String key) {
            this.host = host;
            this.key = key;
        }
    }

    /** Stands for a value that evaluated to None among the evaluated values, which cannot hold null. */
    private static final Object NONE = new Object();

    /** A value's evaluation that failed, kept so that reading it again says the same. */
    private record Failure(VariableException error) {}

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, List<String>> groups;
    private final Map<String, Map<String, Place>> places;
    private final Map<String, Path> files;
    private final boolean anySecret;
    private final Map<String, Map<String, Object>> evaluated = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> variables = new ConcurrentHashMap<>();
    private final HostVars hostvars = new HostVars();

    /**
     * @param hosts every host of the inventory with its data as written
     * @param groups group name to members, {@code all} and {@code ungrouped} left to this class
     * @param files host name to the inventory file it was first read from, for {@code inventory_file}
     */
    AnsibleTemplating(
            List<Host> hosts,
            Map<String, List<String>> groups,
            Map<String, Map<String, Place>> places,
            Map<String, Path> files) {
        hosts.forEach(h -> this.hosts.put(h.name(), h));
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("all", List.copyOf(this.hosts.keySet()));
        all.put(
                "ungrouped",
                hosts.stream().filter(h -> h.groups().isEmpty()).map(Host::name).toList());
        groups.forEach((name, members) -> all.putIfAbsent(name, List.copyOf(members)));
        this.groups = Collections.unmodifiableMap(all);
        this.places = places;
        this.files = files;
        this.anySecret = hosts.stream().anyMatch(h -> Secret.anyIn(h.data()));
    }

    /** Whether any value of {@code data} is a template, nested in lists and dicts too. */
    static boolean anyTemplate(Object value) {
        return switch (value) {
            case String text -> TemplateRenderer.isTemplate(text);
            case Map<?, ?> map -> map.values().stream().anyMatch(AnsibleTemplating::anyTemplate);
            case List<?> list -> list.stream().anyMatch(AnsibleTemplating::anyTemplate);
            case null, default -> false;
        };
    }

    /**
     * A host's value with its templates evaluated, vault values still {@link Secret}s.
     *
     * @throws VariableException when it cannot be evaluated; {@link VariableException#undefined()} when only
     *     because it names an undefined variable
     */
    Object value(String host, String key) {
        Object written = hosts.get(host).data().get(key);
        if (!anyTemplate(written)) {
            if (Secret.anyIn(written)) {
                markSecretRead();
            }
            return written;
        }
        Map<String, Object> known = evaluated.computeIfAbsent(host, h -> new ConcurrentHashMap<>());
        Object done = known.get(key);
        if (done == null) {
            done = evaluate(host, key, written);
            known.put(key, done == null ? NONE : done);
        }
        if (done instanceof Failure failure) {
            throw failure.error();
        }
        if (done == NONE) {
            return null;
        }
        if (Secret.anyIn(done)) {
            markSecretRead();
        }
        return done;
    }

    private Object evaluate(String host, String key, Object written) {
        Deque<Frame> stack = EVALUATING.get();
        for (Frame frame : stack) {
            if (frame.host.equals(host) && frame.key.equals(key)) {
                List<String> path = new ArrayList<>();
                boolean in = false;
                for (Frame f : stack) {
                    in |= f == frame;
                    if (in) {
                        path.add(f.host.equals(host) ? f.key : "hostvars['" + f.host + "']." + f.key);
                    }
                }
                path.add(key);
                // Not kept: the loop is found again from wherever it is entered, and named from there.
                throw error(host, key, "recursive loop: " + String.join(" -> ", path), false);
            }
        }
        Frame frame = new Frame(host, key);
        stack.addLast(frame);
        Object value;
        try {
            value = evaluateNested(host, key, written);
        } catch (VariableException e) {
            return new Failure(e);
        } finally {
            stack.removeLast();
        }
        return frame.readSecret ? secret(value) : value;
    }

    private Object evaluateNested(String host, String key, Object written) {
        return switch (written) {
            case String text
            when TemplateRenderer.isTemplate(text) -> {
                try {
                    yield RENDERER.evaluate(key, text, variables(host));
                } catch (TemplateException e) {
                    throw error(
                            host,
                            key,
                            e.problem() + " in '" + text + "'",
                            e.problem().endsWith(" is undefined"));
                }
            }
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, evaluateNested(host, key, v)));
                yield Collections.unmodifiableMap(out);
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>();
                list.forEach(item -> out.add(evaluateNested(host, key, item)));
                yield Collections.unmodifiableList(out);
            }
            case null, default -> written;
        };
    }

    private VariableException error(String host, String key, String problem, boolean undefined) {
        Place place = places.getOrDefault(host, Map.of()).get(key);
        String prefix = place == null ? "" : place.prefix();
        return new VariableException(prefix + "host " + host + ": " + key + ": " + problem, undefined);
    }

    /** Where the failing value was written, for an {@link InventoryException}. */
    Place place(String host, String key) {
        return places.getOrDefault(host, Map.of()).getOrDefault(key, new Place("", 0));
    }

    private static void markSecretRead() {
        Frame current = EVALUATING.get().peekLast();
        if (current != null) {
            current.readSecret = true;
        }
    }

    /** Text made from a vault value is a secret too; numbers and booleans are not, as in a vaulted file. */
    private static Object secret(Object value) {
        return switch (value) {
            case String text -> new Secret(text);
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, secret(v)));
                yield Collections.unmodifiableMap(out);
            }
            case List<?> list -> list.stream().map(AnsibleTemplating::secret).toList();
            case null, default -> value;
        };
    }

    /**
     * Everything a value of {@code host} can name, as a template reads it: its data (templates deferred until
     * read, secrets revealed when read) and Ansible's magic variables for the inventory.
     */
    Map<String, Object> variables(String host) {
        return variables.computeIfAbsent(host, this::makeVariables);
    }

    private Map<String, Object> makeVariables(String name) {
        Host host = hosts.get(name);
        Map<String, Object> vars = new LinkedHashMap<>();
        host.data().forEach((key, written) -> vars.put(key, deferred(name, key, written)));
        HostKeys.ANSIBLE_NAMES.forEach((jinfra, ansible) -> {
            if (vars.containsKey(jinfra) && !vars.containsKey(ansible)) {
                vars.put(ansible, vars.get(jinfra));
            }
        });
        vars.put("omit", OMIT);
        vars.put("inventory_hostname", name);
        int dot = name.indexOf('.');
        vars.put("inventory_hostname_short", dot < 0 ? name : name.substring(0, dot));
        vars.put("group_names", groupNames(host));
        vars.put("groups", groups);
        vars.put("hostvars", hostvars);
        Path file = files.get(name);
        if (file != null) {
            vars.put("inventory_file", file.toString());
            vars.put(
                    "inventory_dir",
                    file.getParent() == null ? "" : file.getParent().toString());
        }
        return new HostVariables(name, vars);
    }

    /** One host's variables for templates: they reveal secrets as they are read, and print as a summary. */
    private final class HostVariables extends java.util.AbstractMap<String, Object> implements Secret.SelfRevealing {
        private final String host;
        private final Map<String, Object> vars;

        HostVariables(String host, Map<String, Object> vars) {
            this.host = host;
            this.vars = Collections.unmodifiableMap(vars);
        }

        @Override
        public Object get(Object key) {
            return vars.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return vars.containsKey(key);
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return vars.entrySet();
        }

        @Override
        public boolean mayHoldSecret() {
            return anySecret;
        }

        @Override
        public String toString() {
            return "variables of " + host;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private Object deferred(String host, String key, Object written) {
        if (!anyTemplate(written) && !Secret.anyIn(written)) {
            return written;
        }
        String shown = Secret.anyIn(written) ? Redaction.MASK : String.valueOf(written);
        return DeferredValue.of(shown, () -> madeOfSecrets(host, key), () -> Secret.revealed(value(host, key)));
    }

    /** Whether a value is made of vault values; one that cannot be evaluated shows nothing anyway. */
    private boolean madeOfSecrets(String host, String key) {
        try {
            return Secret.anyIn(value(host, key));
        } catch (VariableException e) {
            return false;
        }
    }

    /** Ansible's {@code group_names}: the host's groups sorted, {@code ungrouped} when it has none. */
    static List<String> groupNames(Host host) {
        if (host.groups().isEmpty()) {
            return List.of("ungrouped");
        }
        List<String> sorted = new ArrayList<>(host.groups());
        Collections.sort(sorted);
        return List.copyOf(sorted);
    }

    /** Whether any host holds a vault value, which a template value may be made of. */
    boolean anySecret() {
        return anySecret;
    }

    /** Every host's variables by name, made when first read. */
    Map<String, Object> hostvars() {
        return hostvars;
    }

    /** {@code hostvars}: prints as a summary, never as every host's data. */
    private final class HostVars extends java.util.AbstractMap<String, Object> implements Secret.SelfRevealing {
        @Override
        public boolean mayHoldSecret() {
            return anySecret;
        }

        @Override
        public Object get(Object key) {
            return key instanceof String name && hosts.containsKey(name) ? variables(name) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && hosts.containsKey(name);
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            java.util.Set<Entry<String, Object>> entries = new java.util.LinkedHashSet<>();
            hosts.keySet().forEach(name -> entries.add(new SimpleImmutableEntry<>(name, variables(name))));
            return Collections.unmodifiableSet(entries);
        }

        @Override
        public int size() {
            return hosts.size();
        }

        @Override
        public String toString() {
            return "hostvars of " + hosts.size() + " hosts";
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
