package dev.jinfra.inventory;

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
 */
public record Host(String name, List<String> groups, Map<String, Object> data) {

    /** The name used for the machine running jinfra itself; it runs commands without SSH. */
    public static final String LOCAL = "@local";

    public Host {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
        data = Map.copyOf(data);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    public Optional<Object> value(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /** A data value as a string, or the fallback when the key is absent. */
    public String string(String key, String fallback) {
        Object v = data.get(key);
        return v == null ? fallback : v.toString();
    }

    /** True when this host runs commands on the local machine instead of over SSH. */
    public boolean isLocal() {
        return LOCAL.equals(name) || "local".equals(string(HostKeys.CONNECTOR, "ssh"));
    }

    /** The address to connect to: {@code ssh_hostname} when given, else the inventory name. */
    public String address() {
        return string(HostKeys.SSH_HOSTNAME, name);
    }

    /** A data value that must be there: a clear error naming the host and key when it is missing. */
    public String data(String key) {
        Object v = data.get(key);
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
        var merged = new java.util.LinkedHashMap<>(data);
        merged.putAll(overrides);
        return new Host(name, groups, merged);
    }

    /**
     * The host with its data, values of keys that name a password, passphrase or secret shown as {@code ****}:
     * hosts end up in logs and error messages, their passwords must not.
     */
    @Override
    public String toString() {
        Map<String, Object> shown = new java.util.LinkedHashMap<>();
        data.forEach((k, v) -> shown.put(k, isSecretKey(k) ? dev.jinfra.command.Redaction.MASK : v));
        return "Host[name=" + name + ", groups=" + groups + ", data=" + shown + "]";
    }

    static boolean isSecretKey(String key) {
        return dev.jinfra.command.Redaction.isSecretName(key);
    }
}
