package dev.jinfra.ops.files;

import dev.jinfra.command.Secret;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.RunHosts;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables Ansible gives every template besides the host's own ("magic variables"), for one inventory:
 * {@code inventory_hostname}, {@code inventory_hostname_short}, {@code group_names}, {@code groups} (with
 * {@code all} and {@code ungrouped}), {@code hostvars} (every host of the inventory, by name),
 * {@code ansible_play_hosts} (also as {@code ansible_play_hosts_all} and {@code play_hosts}),
 * {@code ansible_play_batch} and {@code ansible_managed}. jinfra's own names for connection data are also given under Ansible's
 * ({@code ssh_hostname} as {@code ansible_host}, {@code ssh_port} as {@code ansible_port}, {@code ssh_user} as
 * {@code ansible_user}), as the inventory wrote them.
 *
 * <p>One instance serves every host of a run: {@code groups} is built once, and a host's entry in
 * {@code hostvars} only when a template reads it.
 */
final class AnsibleVariables {
    /** Ansible's default {@code ansible_managed} (without an ansible.cfg that sets it). */
    static final String ANSIBLE_MANAGED = "Ansible managed";

    private static final Map<String, String> ANSIBLE_NAMES = HostKeys.ANSIBLE_NAMES;

    // A run renders every host's templates with the same inventory.
    private static volatile AnsibleVariables last;

    private final Inventory inventory;
    private final Map<String, List<String>> groups;
    private final HostVars hostvars;
    private final boolean anySecret;

    private AnsibleVariables(Inventory inventory) {
        this.inventory = inventory;
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("all", inventory.hosts().stream().map(Host::name).toList());
        g.put(
                "ungrouped",
                inventory.hosts().stream()
                        .filter(h -> groupNames(h).equals(List.of("ungrouped")))
                        .map(Host::name)
                        .toList());
        inventory.groups().forEach((name, members) -> g.putIfAbsent(name, List.copyOf(members)));
        this.groups = Collections.unmodifiableMap(g);
        this.hostvars = new HostVars();
        this.anySecret = inventory.hosts().stream()
                .anyMatch(h ->
                        h.mayReadSecrets() || Secret.anyIn(h.templateVariables().isPresent() ? Map.of() : h.data()));
    }

    static AnsibleVariables of(Inventory inventory) {
        AnsibleVariables known = last;
        if (known != null && known.inventory == inventory) {
            return known;
        }
        AnsibleVariables made = new AnsibleVariables(inventory);
        last = made;
        return made;
    }

    /** Whether any host's data holds a vault value, which {@code hostvars} can reach. */
    boolean anySecret() {
        return anySecret;
    }

    /** The magic variables for {@code host} in {@code run}, to be laid over its data. */
    Map<String, Object> forHost(Host host, RunHosts run) {
        Map<String, Object> vars = new LinkedHashMap<>();
        ansibleNames(host, vars);
        vars.putAll(ownMagic(host));
        vars.put("groups", groups);
        vars.put("hostvars", hostvars);
        // At the time templates are rendered no host of the run has failed yet: all of them are still in the play.
        vars.put("ansible_play_hosts_all", run.play());
        vars.put("ansible_play_hosts", run.play());
        vars.put("play_hosts", run.play());
        vars.put("ansible_play_batch", run.batch().isEmpty() ? run.play() : run.batch());
        vars.put("ansible_managed", ANSIBLE_MANAGED);
        // As in Ansible's template module, omit in a template is only its placeholder text.
        vars.put("omit", dev.jinfra.inventory.AnsibleOmit.PLACEHOLDER);
        return vars;
    }

    private static Map<String, Object> ownMagic(Host host) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("inventory_hostname", host.name());
        int dot = host.name().indexOf('.');
        vars.put("inventory_hostname_short", dot < 0 ? host.name() : host.name().substring(0, dot));
        vars.put("group_names", groupNames(host));
        return vars;
    }

    /** Ansible's {@code group_names}: the host's groups sorted, {@code all} left out, {@code ungrouped} if none. */
    static List<String> groupNames(Host host) {
        Set<String> names = new LinkedHashSet<>(host.groups());
        names.remove("all");
        if (names.isEmpty()) {
            return List.of("ungrouped");
        }
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        return List.copyOf(sorted);
    }

    /** ssh_hostname as ansible_host and so on, where the data does not have the Ansible name itself. */
    private static void ansibleNames(Host host, Map<String, Object> into) {
        if (host.templateVariables().isPresent()) {
            // Its template variables have them already, deferred as the values they come from.
            return;
        }
        ANSIBLE_NAMES.forEach((jinfra, ansible) -> {
            Object value = host.data().get(jinfra);
            if (value != null && !host.data().containsKey(ansible)) {
                into.put(ansible, value);
            }
        });
    }

    /**
     * {@code hostvars}: every host's data (vault values as their text: it only reaches the renderer) with its
     * magic variables, made when first read. It prints as a summary, never as the data, should the operation's
     * arguments be shown.
     */
    private final class HostVars extends AbstractMap<String, Object> {
        private final Map<String, Map<String, Object>> made = new ConcurrentHashMap<>();

        AnsibleVariables owner() {
            return AnsibleVariables.this;
        }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String name)) {
                return null;
            }
            return inventory.host(name).map(this::of).orElse(null);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && inventory.host(name).isPresent();
        }

        private Map<String, Object> of(Host host) {
            // A host whose values are templates: they are evaluated in its own variables when read.
            if (host.templateVariables().isPresent()) {
                return host.templateVariables().get();
            }
            return made.computeIfAbsent(host.name(), n -> {
                Map<String, Object> vars = new LinkedHashMap<>(host.revealedData());
                ansibleNames(host, vars);
                vars.replaceAll((k, v) -> Secret.revealed(v));
                vars.putAll(ownMagic(host));
                return Collections.unmodifiableMap(vars);
            });
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (Host host : inventory.hosts()) {
                entries.add(new SimpleImmutableEntry<>(host.name(), of(host)));
            }
            return Collections.unmodifiableSet(entries);
        }

        @Override
        public int size() {
            return inventory.size();
        }

        @Override
        public String toString() {
            return "hostvars of " + inventory.size() + " hosts";
        }

        // Every host's template shares this one map: comparing or hashing operations must not read every host.
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Whether {@code value} is the lazily made {@code hostvars}, which reveals its secrets itself. */
    static boolean isHostVars(Object value) {
        return value instanceof HostVars;
    }

    /** Whether {@code hostvars} reaches a vault value of any host. */
    static boolean secretsIn(Object hostvars) {
        return hostvars instanceof HostVars h && h.owner().anySecret;
    }
}
