package dev.jinfra.cli.output;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.inventory.HostPattern;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets messages that differ only by their host's own name or address fold into one group: "no ssh-ed25519 key
 * for 10.0.0.7" on a hundred hosts is one line with a host range, not a hundred lines. A message is made generic
 * (its host's name and address replaced by marks) to be compared, and shown with them put back when its group
 * has one host; with several, the name becomes the group's host range and the address "each host's address".
 */
public final class OwnNames {
    private static final String ADDRESS = "\u0000address\u0000";
    // The address with a port other than 22, as known_hosts and ssh write it ([10.0.0.7]:2222), and as a URL would.
    private static final String BRACKETED = "\u0000bracketed\u0000";
    private static final String WITH_PORT = "\u0000with-port\u0000";
    private static final String NAME = "\u0000name\u0000";

    private OwnNames() {}

    /** The message with its host's own address and name replaced by marks, for comparing. */
    public static String generic(String message, Host host) {
        if (message == null || host == null) {
            return message;
        }
        String address = host.address();
        String generic = message;
        String port = host.string(HostKeys.SSH_PORT, "22");
        if (!port.equals("22")) {
            generic = generic.replace("[" + address + "]:" + port, BRACKETED);
            generic = replaceWord(generic, address + ":" + port, WITH_PORT);
        }
        if (!address.equals(host.name())) {
            generic = replaceWord(generic, address, ADDRESS);
        }
        return replaceWord(generic, host.name(), NAME);
    }

    /** A generic message as its group shows it: about its one host, or about each of several. */
    public static String shown(String generic, List<Host> hosts) {
        if (generic == null) {
            return null;
        }
        if (hosts.size() == 1) {
            Host host = hosts.getFirst();
            String address = host.address();
            String port = host.string(HostKeys.SSH_PORT, "22");
            return generic.replace(BRACKETED, "[" + address + "]:" + port)
                    .replace(WITH_PORT, address + ":" + port)
                    .replace(ADDRESS, address)
                    .replace(NAME, host.name());
        }
        String names = HostPattern.fold(hosts.stream().map(Host::name).toList());
        return generic.replace(BRACKETED, "each host's address")
                .replace(WITH_PORT, "each host's address")
                .replace(ADDRESS, "each host's address")
                .replace(NAME, names);
    }

    /**
     * Replaces {@code word} where it stands on its own: not inside a longer name or address (web-1 in web-12,
     * 10.0.0.1 in 10.0.0.12), though a sentence's full stop may follow it.
     */
    private static String replaceWord(String text, String word, String mark) {
        // A one-letter name would be found inside ordinary words.
        if (word == null || word.length() < 2 || !text.contains(word)) {
            return text;
        }
        Pattern p = Pattern.compile("(?<![\\w.-])" + Pattern.quote(word) + "(?![\\w-]|\\.\\w)");
        return p.matcher(text).replaceAll(Matcher.quoteReplacement(mark));
    }
}
