package dev.jinfra.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps Ansible's connection variables onto jinfra's {@link HostKeys}, so an Ansible inventory works unchanged.
 * Other variables are kept under their own names for deploy code.
 */
final class AnsibleVars {
    private static final Map<String, String> RENAMES = Map.of(
            "ansible_host", HostKeys.SSH_HOSTNAME,
            "ansible_ssh_host", HostKeys.SSH_HOSTNAME,
            "ansible_port", HostKeys.SSH_PORT,
            "ansible_ssh_port", HostKeys.SSH_PORT,
            "ansible_user", HostKeys.SSH_USER,
            "ansible_ssh_user", HostKeys.SSH_USER,
            "ansible_ssh_private_key_file", HostKeys.SSH_KEY,
            "ansible_password", HostKeys.SSH_PASSWORD,
            "ansible_ssh_pass", HostKeys.SSH_PASSWORD);

    private AnsibleVars() {}

    static Map<String, Object> translate(Map<String, Object> vars) {
        Map<String, Object> data = new LinkedHashMap<>();
        vars.forEach((name, value) -> {
            if (name.equals("ansible_connection")) {
                translateConnection(value, data);
            } else {
                data.put(RENAMES.getOrDefault(name, name), value);
            }
        });
        return data;
    }

    /** The lines of {@code vars}' keys under the names {@link #translate} gives them. */
    static Map<String, Integer> translateLines(Map<String, Integer> lines) {
        Map<String, Integer> out = new LinkedHashMap<>();
        lines.forEach((name, line) -> {
            out.put(RENAMES.getOrDefault(name, name), line);
            if (name.equals("ansible_connection")) {
                out.put(HostKeys.CONNECTOR, line);
            }
        });
        return out;
    }

    /** {@code local} and the SSH flavours map to connectors; anything else (docker, winrm...) is kept as is. */
    private static void translateConnection(Object value, Map<String, Object> data) {
        String connection = String.valueOf(value);
        switch (connection) {
            case "local" -> data.put(HostKeys.CONNECTOR, "local");
            case "ssh", "smart", "paramiko" -> data.put(HostKeys.CONNECTOR, "ssh");
            default -> data.put("ansible_connection", value);
        }
    }
}
