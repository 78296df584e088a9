package dev.jinfra.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns numeric strings into Integers for the connection settings jinfra reads as numbers. INI files, the
 * command line and quoted YAML give strings; the connectors should not each have to parse them.
 */
final class NumericData {
    private static final Set<String> INTEGER_KEYS =
            Set.of(HostKeys.SSH_PORT, HostKeys.SSH_CONNECT_TIMEOUT, HostKeys.SSH_CONNECT_RETRIES);

    private NumericData() {}

    static Map<String, Object> normalize(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        for (String key : INTEGER_KEYS) {
            if (out.containsKey(key)) {
                out.put(key, normalize(key, out.get(key)));
            }
        }
        return out;
    }

    /** One value of {@code key}, as {@link #normalize(Map)} makes it: also for values evaluated from templates. */
    static Object normalize(String key, Object value) {
        if (!INTEGER_KEYS.contains(key)) {
            return value;
        }
        if (value instanceof String text && text.trim().matches("\\d{1,9}")) {
            return Integer.valueOf(text.trim());
        }
        if (value instanceof Long number && number == number.intValue()) {
            return number.intValue();
        }
        return value;
    }
}
