package dev.jinfra.inventory;

import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Ansible's connection variables onto jinfra's {@link HostKeys} and settings keys, so an Ansible inventory
 * works unchanged. Other variables are kept under their own names for deploy code.
 *
 * <p>Plain renames ({@code ansible_port} is {@code ssh_port}) happen as each file entry is read. Variables whose
 * meaning depends on others ({@code ansible_become} with {@code ansible_become_method} and
 * {@code ansible_become_user}, which may come from different groups) and whole command lines
 * ({@code ansible_ssh_common_args}, which a host's value replaces as a whole; see {@link AnsibleSshArgs}) are read
 * once a host's data is merged, in {@link #resolve}, as Ansible itself reads them.
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

    private static final String BECOME = "ansible_become";
    private static final String BECOME_USER = "ansible_become_user";
    private static final String BECOME_METHOD = "ansible_become_method";
    private static final List<String> BECOME_PASSWORDS = List.of("ansible_become_password", "ansible_become_pass");
    /** In the order Ansible puts them on ssh's command line, where the first of an option wins. */
    private static final List<String> SSH_ARGS =
            List.of("ansible_ssh_args", "ansible_ssh_common_args", "ansible_ssh_extra_args");

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

    /**
     * {@code local}, the SSH flavours, Docker, Podman and chroot map to connectors (the container or directory is
     * then {@code ansible_host}, else the inventory name, as in Ansible); anything else (winrm...) is kept as is.
     */
    private static void translateConnection(Object value, Map<String, Object> data) {
        String connection = String.valueOf(Secret.revealed(value));
        switch (connection) {
            case "local" -> data.put(HostKeys.CONNECTOR, "local");
            case "ssh", "smart", "paramiko" -> data.put(HostKeys.CONNECTOR, "ssh");
            case "docker", "community.docker.docker" -> data.put(HostKeys.CONNECTOR, "docker");
            case "podman", "containers.podman.podman" -> data.put(HostKeys.CONNECTOR, "podman");
            case "chroot", "community.general.chroot" -> data.put(HostKeys.CONNECTOR, "chroot");
            default -> data.put("ansible_connection", value);
        }
    }

    /**
     * Reads the variables that only mean something together, in a host's merged data (changed in place, with
     * {@code places} kept in step).
     *
     * @param warnings what is read but ignored: a key to say each thing once per inventory, and the message
     * @throws InventoryException for a value jinfra cannot honour, such as a become method it does not have
     */
    static void resolve(
            String host, Map<String, Object> data, Map<String, Place> places, Map<String, String> warnings) {
        resolveBecome(host, data, places, warnings);
        for (String key : SSH_ARGS) {
            if (data.containsKey(key)) {
                Place place = places.remove(key);
                Object args = Secret.revealed(data.remove(key));
                AnsibleSshArgs.apply(key, String.valueOf(args), place, data, places, warnings);
            }
        }
    }

    /**
     * {@code ansible_become} with its method ({@code sudo} by default, {@code su} or {@code doas}), user and
     * password. Without become nothing is set, so that {@code --sudo} on the command line still applies.
     */
    private static void resolveBecome(
            String host, Map<String, Object> data, Map<String, Place> places, Map<String, String> warnings) {
        Object become = Secret.revealed(data.remove(BECOME));
        Object user = data.remove(BECOME_USER);
        Object method = Secret.revealed(data.remove(BECOME_METHOD));
        Object password = null;
        String passwordKey = null;
        for (String key : BECOME_PASSWORDS) {
            Object value = data.remove(key);
            if (password == null && value != null) {
                password = value;
                passwordKey = key;
            }
        }
        if (become == null || !isTrue(host, become, places.get(BECOME))) {
            return;
        }
        String how = method == null ? "sudo" : method.toString().strip().toLowerCase(Locale.ROOT);
        switch (how) {
            case "sudo" -> {
                data.put("sudo", true);
                places.put("sudo", places.get(BECOME));
                moveValue(user, BECOME_USER, "sudo_user", data, places);
                moveValue(password, passwordKey, "sudo_password", data, places);
            }
            case "su", "doas" -> {
                String key = how + "_user";
                data.put(key, user == null ? "root" : Secret.revealed(user).toString());
                places.put(key, places.get(user == null ? BECOME : BECOME_USER));
                if (password != null) {
                    warnings.putIfAbsent(
                            passwordKey + " " + how,
                            places.get(passwordKey).prefix() + passwordKey + ": ignored with ansible_become_method "
                                    + how + " (jinfra sends a password to sudo only)");
                }
            }
            default ->
                throw error(
                        places.get(BECOME_METHOD),
                        "host " + host + ": ansible_become_method '" + method
                                + "' is not supported (sudo, su or doas)");
        }
    }

    private static boolean isTrue(String host, Object value, Place place) {
        return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y", "1" -> true;
            case "false", "no", "off", "n", "0" -> false;
            default ->
                throw error(place, "host " + host + ": ansible_become must be true or false, not '" + value + "'");
        };
    }

    private static InventoryException error(Place place, String problem) {
        return new InventoryException(place.file(), place.line(), problem);
    }

    /** A vault-encrypted value stays a secret under its new name. */
    private static void moveValue(
            Object value, String from, String to, Map<String, Object> data, Map<String, Place> places) {
        if (value != null) {
            data.put(to, value instanceof Secret ? value : value.toString());
            places.put(to, places.get(from));
        }
    }

    /** Splits a command line into words as a POSIX shell would: quotes group, a backslash escapes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\'
                    && i + 1 < text.length()
                    && (quote == 0 || "\"\\$`".indexOf(text.charAt(i + 1)) >= 0)) {
                word = word == null ? new StringBuilder() : word;
                word.append(text.charAt(++i));
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
