package dev.jinfra.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of an ssh command line in {@code ansible_ssh_args}, {@code ansible_ssh_common_args} or
 * {@code ansible_ssh_extra_args}, applied as the host data keys jinfra's SSH connections read: {@code -o Key=Value}
 * ({@code -o 'Key Value'}, {@code -oKey=Value}) for the ssh_config keywords jinfra follows, and {@code -J}, {@code -p},
 * {@code -l}, {@code -i}. A key the host data already has wins, as {@code ansible_port} does over {@code -p} in
 * Ansible; among the options, the first of a keyword wins, as in ssh (every key file is offered). A
 * {@code ProxyCommand} is refused, as in ~/.ssh/config. Anything else is left out with a warning, once per option
 * for the whole run, however many hosts carry it.
 */
final class AnsibleSshArgs {
    /** The letters of ssh's options that take a value (ssh(1)). */
    private static final String VALUE_OPTIONS = "BbcDEeFIiJLlmOoPpQRSWw";

    /** ssh_config keywords (lower case) to the host data key each one becomes. */
    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("hostname", HostKeys.SSH_HOSTNAME),
            Map.entry("port", HostKeys.SSH_PORT),
            Map.entry("user", HostKeys.SSH_USER),
            Map.entry("identityfile", HostKeys.SSH_KEY),
            Map.entry("proxyjump", HostKeys.SSH_PROXY_JUMP),
            Map.entry("stricthostkeychecking", HostKeys.SSH_STRICT_HOST_KEY_CHECKING),
            Map.entry("userknownhostsfile", HostKeys.SSH_KNOWN_HOSTS_FILE),
            Map.entry("globalknownhostsfile", HostKeys.SSH_GLOBAL_KNOWN_HOSTS_FILE),
            Map.entry("hashknownhosts", HostKeys.SSH_HASH_KNOWN_HOSTS),
            Map.entry("connecttimeout", HostKeys.SSH_CONNECT_TIMEOUT),
            Map.entry("connectionattempts", HostKeys.SSH_CONNECT_RETRIES),
            Map.entry("kexalgorithms", HostKeys.SSH_KEX_ALGORITHMS));

    private static final Map<String, String> FLAGS =
            Map.of("J", "proxyjump", "p", "port", "l", "user", "i", "identityfile");

    private AnsibleSshArgs() {}

    /**
     * Adds to {@code data} what {@code args} sets that the data does not have yet.
     *
     * @param key the Ansible variable {@code args} came from, and {@code place} where it was written
     * @param warnings one entry per option left out, keyed so that each is said once per run
     */
    static void apply(
            String key,
            String args,
            Place place,
            Map<String, Object> data,
            Map<String, Place> places,
            Map<String, String> warnings) {
        List<String> words = AnsibleVars.words(args);
        // Keys these arguments set, as opposed to keys the host data had: only theirs take more key files.
        Set<String> set = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // ssh's options that take a value, which may be attached (-p2222) or the next word (-p 2222).
            boolean takesValue =
                    word.length() >= 2 && word.charAt(0) == '-' && VALUE_OPTIONS.indexOf(word.charAt(1)) >= 0;
            if (!takesValue || (word.length() == 2 && i + 1 == words.size())) {
                ignore(key, word.length() >= 2 ? word.substring(0, 2) : word, word, place, warnings);
                continue;
            }
            String value = word.length() > 2 ? word.substring(2) : words.get(++i);
            String written = word.length() > 2 ? word : word + " " + value;
            String option = String.valueOf(word.charAt(1));
            String keyword = FLAGS.get(option);
            if (option.equals("o")) {
                int split = 0;
                while (split < value.length()
                        && value.charAt(split) != '='
                        && !Character.isWhitespace(value.charAt(split))) {
                    split++;
                }
                keyword = value.substring(0, split).toLowerCase(Locale.ROOT);
                value = value.substring(split).strip();
                value = value.startsWith("=") ? value.substring(1).strip() : value;
            }
            if ("proxycommand".equals(keyword)
                    && !value.equalsIgnoreCase("none")
                    && !data.containsKey(HostKeys.SSH_PROXY_JUMP)) {
                // As for ProxyCommand in ~/.ssh/config: connecting directly instead could go around a bastion.
                throw new InventoryException(
                        place.file(),
                        place.line(),
                        key + ": '" + written + "' is not supported: jinfra cannot run a proxy command, and "
                                + "connecting directly could go around a bastion; use -J or -o ProxyJump instead, "
                                + "or set ssh_proxy_jump (none to connect directly)");
            }
            String dataKey = keyword == null ? null : KEYWORDS.get(keyword);
            Object dataValue = dataKey == null || value.isEmpty() ? null : value(keyword, value);
            if (dataValue == null) {
                ignore(key, keyword == null ? "-" + option : keyword, written, place, warnings);
            } else if (dataValue != Skip.DEFAULT && !data.containsKey(dataKey)) {
                data.put(dataKey, dataValue);
                places.put(dataKey, place);
                set.add(dataKey);
            } else if (dataKey.equals(HostKeys.SSH_KEY) && set.contains(dataKey)) {
                // ssh offers every -i and IdentityFile given, in order.
                List<Object> keys =
                        new ArrayList<>(data.get(dataKey) instanceof List<?> list ? list : List.of(data.get(dataKey)));
                keys.add(dataValue);
                data.put(dataKey, List.copyOf(keys));
            }
        }
    }

    /** A value that means "as if not given" ({@code ConnectTimeout=0}, {@code KexAlgorithms=+...}). */
    private enum Skip {
        DEFAULT
    }

    /** The host data value for an option, {@link Skip#DEFAULT}, or null for one jinfra cannot follow. */
    private static Object value(String keyword, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return switch (keyword) {
            // OpenSSH's "ask" has no one to ask with a thousand hosts: it is "yes", as in ~/.ssh/config.
            case "stricthostkeychecking" -> lower.equals("ask") ? "yes" : value;
            case "userknownhostsfile", "globalknownhostsfile" -> {
                List<String> files = Arrays.asList(value.split("\\s+"));
                yield lower.equals("none") ? null : files.size() == 1 ? value : files;
            }
            case "connecttimeout" -> value.equals("0") ? Skip.DEFAULT : value;
            // ConnectionAttempts counts the first attempt; jinfra's retries do not.
            case "connectionattempts" ->
                value.matches("\\d{1,3}") && !value.equals("0") ? Integer.parseInt(value) - 1 : null;
            // "+list" adds to defaults that already hold all jinfra can use; "-" and "^" need OpenSSH's own list.
            case "kexalgorithms" ->
                value.startsWith("+") ? Skip.DEFAULT : value.startsWith("-") || value.startsWith("^") ? null : value;
            case "hashknownhosts" ->
                switch (lower) {
                    case "yes" -> Boolean.TRUE;
                    case "no" -> Boolean.FALSE;
                    default -> null;
                };
            case "proxyjump" -> lower.equals("none") ? "" : value;
            default -> value;
        };
    }

    /** @param option a keyword in lower case, or a flag as written ({@code -C} and {@code -c} are not the same) */
    private static void ignore(String key, String option, String written, Place place, Map<String, String> warnings) {
        warnings.putIfAbsent(
                "ssh option " + option,
                place.prefix() + key + ": ignored '" + written + "' (jinfra applies -J, -p, -l, -i and -o "
                        + "HostName, Port, User, IdentityFile, ProxyJump, StrictHostKeyChecking, UserKnownHostsFile, "
                        + "GlobalKnownHostsFile, HashKnownHosts, ConnectTimeout, ConnectionAttempts, KexAlgorithms)");
    }
}
