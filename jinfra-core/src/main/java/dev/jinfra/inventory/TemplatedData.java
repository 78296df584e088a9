package dev.jinfra.inventory;

import dev.jinfra.command.Secret;
import dev.jinfra.template.VariableException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A host's data from an Ansible inventory whose values may be templates: reading a value evaluates it
 * ({@link AnsibleTemplating}), so deploy code and jinfra's own settings see what Ansible would. Only the values
 * read are evaluated, as in Ansible, so a value that cannot be evaluated is an error only where it is used.
 *
 * <p>Equal to, and hashed as, the data as written: hosts are compared and used as keys without evaluating.
 */
final class TemplatedData extends AbstractMap<String, Object> {
    private final Map<String, Object> written;
    private final AnsibleTemplating templating;
    private final String host;
    private final boolean revealed;

    TemplatedData(Map<String, Object> written, AnsibleTemplating templating, String host) {
        this(written, templating, host, false);
    }

    private TemplatedData(Map<String, Object> written, AnsibleTemplating templating, String host, boolean revealed) {
        this.written = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(written));
        this.templating = templating;
        this.host = host;
        this.revealed = revealed;
    }

    /** The data as written, its templates not evaluated. */
    static Map<String, Object> written(Map<String, Object> data) {
        return data instanceof TemplatedData templated ? templated.written : data;
    }

    /** The same data, each value read with its secrets revealed. */
    TemplatedData revealed() {
        return new TemplatedData(written, templating, host, true);
    }

    /** What templates of this host read: its values deferred until read, and Ansible's magic variables. */
    Map<String, Object> templateVariables() {
        return templating.variables(host);
    }

    boolean anySecret() {
        return templating.anySecret();
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || !written.containsKey(name)) {
            return null;
        }
        Object value;
        try {
            value = NumericData.normalize(name, templating.value(host, name));
            if (AnsibleTemplating.OMIT.equals(value)) {
                // "{{ x | default(omit) }}" with x undefined: the value is left out, as Ansible leaves out an
                // argument given omit.
                return null;
            }
        } catch (VariableException e) {
            Place place = templating.place(host, name);
            throw InventoryException.worded(e.getMessage(), place.file(), place.line(), e);
        }
        return revealed ? Secret.revealed(value) : value;
    }

    @Override
    public boolean containsKey(Object key) {
        return written.containsKey(key);
    }

    @Override
    public int size() {
        return written.size();
    }

    /** Entries whose values are evaluated when read, one by one. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        for (String key : written.keySet()) {
            entries.add(new Entry<>() {
                @Override
                public String getKey() {
                    return key;
                }

                @Override
                public Object getValue() {
                    return get(key);
                }

                @Override
                public Object setValue(Object value) {
                    throw new UnsupportedOperationException("host data cannot be changed");
                }

                @Override
                public boolean equals(Object o) {
                    return o instanceof Entry<?, ?> e && key.equals(e.getKey());
                }

                @Override
                public int hashCode() {
                    return key.hashCode();
                }
            });
        }
        return Collections.unmodifiableSet(entries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Map<?, ?> other && written.equals(written(asStringKeys(other)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    /** The data as written: printing a host must not evaluate (nor fail on) every value. */
    @Override
    public String toString() {
        return written.toString();
    }
}
