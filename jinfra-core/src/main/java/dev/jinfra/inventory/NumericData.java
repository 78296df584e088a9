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
            if (out.get(key) instanceof String text && text.trim().matches("\\d{1,9}")) {
                out.put(key, Integer.valueOf(text.trim()));
            } else if (out.get(key) instanceof Long number && number == number.intValue()) {
                out.put(key, number.intValue());
            }
        }
        return out;
    }
}
