package dev.jinfra.inventory;

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
 * ({@code ansible_ssh_common_args}, which a host's value replaces as a whole) are read once a host's data is
 * merged, in {@link #resolve}, as Ansible itself reads them.
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
    private static final List<String> SSH_ARGS = List.of("ansible_ssh_common_args", "ansible_ssh_extra_args");
    /** The letters of ssh's options that take a value (ssh(1)). */
    private static final String SSH_VALUE_OPTIONS = "BbcDEeFIiJLlmOoPpQRSWw";

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

    /**
     * Reads the variables that only mean something together, in a host's merged data (changed in place, with
     * {@code lines} kept in step).
     *
     * @param warnings what is read but ignored: a key to say each thing once per inventory, and the message
     * @throws InventoryException for a value jinfra cannot honour, such as a become method it does not have
     */
    static void resolve(
            String source,
            String host,
            Map<String, Object> data,
            Map<String, Integer> lines,
            Map<String, String> warnings) {
        resolveBecome(source, host, data, lines, warnings);
        for (String key : SSH_ARGS) {
            if (data.containsKey(key)) {
                int line = lines.getOrDefault(key, 0);
                lines.remove(key);
                resolveSshArgs(source, key, String.valueOf(data.remove(key)), line, data, lines, warnings);
            }
        }
    }

    /**
     * {@code ansible_become} with its method ({@code sudo} by default, {@code su} or {@code doas}), user and
     * password. Without become nothing is set, so that {@code --sudo} on the command line still applies.
     */
    private static void resolveBecome(
            String source,
            String host,
            Map<String, Object> data,
            Map<String, Integer> lines,
            Map<String, String> warnings) {
        Object become = data.remove(BECOME);
        Object user = data.remove(BECOME_USER);
        Object method = data.remove(BECOME_METHOD);
        Object password = null;
        String passwordKey = null;
        for (String key : BECOME_PASSWORDS) {
            Object value = data.remove(key);
            if (password == null && value != null) {
                password = value;
                passwordKey = key;
            }
        }
        if (become == null || !isTrue(source, host, become, lines.getOrDefault(BECOME, 0))) {
            return;
        }
        String how = method == null ? "sudo" : method.toString().strip().toLowerCase(Locale.ROOT);
        switch (how) {
            case "sudo" -> {
                data.put("sudo", true);
                lines.put("sudo", lines.getOrDefault(BECOME, 0));
                moveValue(user, BECOME_USER, "sudo_user", data, lines);
                moveValue(password, passwordKey, "sudo_password", data, lines);
            }
            case "su", "doas" -> {
                String key = how + "_user";
                data.put(key, user == null ? "root" : user.toString());
                lines.put(key, lines.getOrDefault(user == null ? BECOME : BECOME_USER, 0));
                if (password != null) {
                    int line = lines.getOrDefault(passwordKey, 0);
                    warnings.putIfAbsent(
                            passwordKey + " " + how,
                            at(source, line) + passwordKey + ": ignored with ansible_become_method " + how
                                    + " (jinfra sends a password to sudo only)");
                }
            }
            default ->
                throw new InventoryException(
                        source,
                        lines.getOrDefault(BECOME_METHOD, 0),
                        "host " + host + ": ansible_become_method '" + method
                                + "' is not supported (sudo, su or doas)");
        }
    }

    private static boolean isTrue(String source, String host, Object value, int line) {
        return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y", "1" -> true;
            case "false", "no", "off", "n", "0" -> false;
            default ->
                throw new InventoryException(
                        source, line, "host " + host + ": ansible_become must be true or false, not '" + value + "'");
        };
    }

    private static void moveValue(
            Object value, String from, String to, Map<String, Object> data, Map<String, Integer> lines) {
        if (value != null) {
            data.put(to, value.toString());
            lines.put(to, lines.getOrDefault(from, 0));
        }
    }

    /**
     * The options of an ssh command line that have a jinfra key: {@code -J}, {@code -p}, {@code -l}, {@code -i},
     * and {@code -o} with {@code ProxyJump}, {@code Port}, {@code User} or {@code IdentityFile}. A key the data
     * already has wins, as {@code ansible_port} does over {@code -p} in Ansible. Everything else is left out,
     * with one warning.
     */
    private static void resolveSshArgs(
            String source,
            String key,
            String args,
            int line,
            Map<String, Object> data,
            Map<String, Integer> lines,
            Map<String, String> warnings) {
        List<String> words = words(args);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // ssh's options that take a value, which may be attached (-p2222) or the next word (-p 2222).
            boolean takesValue =
                    word.length() >= 2 && word.charAt(0) == '-' && SSH_VALUE_OPTIONS.indexOf(word.charAt(1)) >= 0;
            if (!takesValue || (word.length() == 2 && i + 1 == words.size())) {
                ignored.add(word);
                continue;
            }
            String value = word.length() > 2 ? word.substring(2) : words.get(++i);
            String written = word.length() > 2 ? word : word + " " + value;
            String option = String.valueOf(word.charAt(1));
            if (option.equals("o")) {
                int split = 0;
                while (split < value.length()
                        && value.charAt(split) != '='
                        && !Character.isWhitespace(value.charAt(split))) {
                    split++;
                }
                option = value.substring(0, split).toLowerCase(Locale.ROOT);
                value = value.substring(split).strip();
                value = value.startsWith("=") ? value.substring(1).strip() : value;
            }
            String jinfraKey = switch (option) {
                case "J", "proxyjump" -> HostKeys.SSH_PROXY_JUMP;
                case "p", "port" -> HostKeys.SSH_PORT;
                case "l", "user" -> HostKeys.SSH_USER;
                case "i", "identityfile" -> HostKeys.SSH_KEY;
                default -> null;
            };
            if (jinfraKey == null || value.isEmpty()) {
                ignored.add(written);
            } else if (!data.containsKey(jinfraKey)) {
                data.put(jinfraKey, value);
                lines.put(jinfraKey, line);
            }
        }
        if (!ignored.isEmpty()) {
            String what = String.join(" ", ignored);
            warnings.putIfAbsent(
                    key + " " + what,
                    at(source, line) + key + ": ignored '" + what
                            + "' (jinfra reads -J, -p, -l, -i and -o ProxyJump, Port, User, IdentityFile there)");
        }
    }

    private static String at(String source, int line) {
        return line > 0 ? source + ":" + line + ": " : source + ": ";
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
