package dev.jinfra.inventory;

import dev.jinfra.command.Redaction;
import dev.jinfra.command.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One target machine: its inventory name, the groups it belongs to (in inventory order, nested groups
 * included) and its data, already merged by precedence (command line over host over group over all).
 *
 * <p>Connection settings live in the data under pyinfra-style keys ({@code ssh_user}, {@code ssh_port},
 * {@code ssh_hostname}, ...); see {@link HostKeys}.
 *
 * <p>Values decrypted from an Ansible vault are {@link Secret}s in {@link #data()}, so that printing the data
 * hides them; {@link #value}, {@link #string}, {@link #data(String)} and {@link #revealedData()} give their text.
 */
public record Host(String name, List<String> groups, Map<String, Object> data) {

    /** The name used for the machine running jinfra itself; it runs commands without SSH. */
    public static final String LOCAL = "@local";

    public Host {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
        // Data from an Ansible inventory whose values are templates evaluates them when read; kept as it is.
        data = data instanceof TemplatedData ? data : Map.copyOf(data);
    }

    /**
     * Equal when name, groups and data are. Compares the names first: hosts of one run differ by name but share
     * most of their data, and the record's own equals compared the data maps first, which made a lookup of one
     * host in a list of 1,000 cost 1,000 map comparisons.
     */
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Host other
                        && name.equals(other.name)
                        && groups.equals(other.groups)
                        && data.equals(other.data);
    }

    /** The name's hash alone: cheap for a host used as a key many times over, and consistent with equals. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** A data value, secrets in it revealed. */
    public Optional<Object> value(String key) {
        return Optional.ofNullable(Secret.revealed(data.get(key)));
    }

    /** A data value as a string (a secret's text), or the fallback when the key is absent. */
    public String string(String key, String fallback) {
        Object v = Secret.revealed(data.get(key));
        return v == null ? fallback : v.toString();
    }

    /** The data with every secret replaced by its text, for the code that uses the values (templates, settings). */
    public Map<String, Object> revealedData() {
        if (data instanceof TemplatedData templated) {
            // Values are evaluated as they are read: one that cannot be is an error only where it is used.
            return templated.revealed();
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        data.forEach((k, v) -> plain.put(k, Secret.revealed(v)));
        return plain;
    }

    /** True when this host runs commands on the local machine instead of over SSH. */
    public boolean isLocal() {
        return LOCAL.equals(name) || "local".equals(string(HostKeys.CONNECTOR, "ssh"));
    }

    /**
     * How the host is reached: SSH, this machine, a container or a chroot directory.
     *
     * @throws IllegalArgumentException naming the host, for a bad {@code @} name or an unknown connector
     */
    public ConnectTarget target() {
        return ConnectTarget.of(this);
    }

    /** The address to connect to: {@code ssh_hostname} when given, else the inventory name. */
    public String address() {
        return string(HostKeys.SSH_HOSTNAME, name);
    }

    /** A data value that must be there: a clear error naming the host and key when it is missing. */
    public String data(String key) {
        Object v = Secret.revealed(data.get(key));
        if (v == null) {
            throw new IllegalArgumentException("host " + name + " has no data '" + key + "'");
        }
        return v.toString();
    }

    /** A copy of this host whose data has {@code overrides} laid over it. */
    public Host withData(Map<String, Object> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        var merged = new LinkedHashMap<>(TemplatedData.written(data));
        merged.putAll(overrides);
        return new Host(name, groups, merged);
    }

    /**
     * The host with its data, values of keys that name a password, passphrase or secret shown as {@code ****}:
     * hosts end up in logs and error messages, their passwords must not.
     */
    @Override
    public String toString() {
        // Values decrypted from a vault are Secrets, which print as the mask themselves.
        Map<String, Object> shown = new LinkedHashMap<>();
        // Values as written: printing a host neither evaluates its templates nor fails on one.
        TemplatedData.written(data).forEach((k, v) -> shown.put(k, isSecretKey(k) ? Redaction.MASK : v));
        return "Host[name=" + name + ", groups=" + groups + ", data=" + shown + "]";
    }

    /**
     * For a host of an Ansible inventory whose values are templates: what its templates read, its values deferred
     * until read ({@code DeferredValue}s, evaluated in this host's variables, secrets revealed) and Ansible's magic
     * variables for the inventory ({@code inventory_hostname}, {@code groups}, {@code hostvars}, ...); empty for
     * other hosts, whose data templates read as it is.
     */
    public Optional<Map<String, Object>> templateVariables() {
        return data instanceof TemplatedData templated ? Optional.of(templated.templateVariables()) : Optional.empty();
    }

    /** Whether a value of this host may be made of a vault value without holding a {@code Secret} itself yet. */
    public boolean mayReadSecrets() {
        return data instanceof TemplatedData templated && templated.anySecret();
    }

    static boolean isSecretKey(String key) {
        return Redaction.isSecretName(key);
    }
}
