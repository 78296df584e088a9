package dev.jinfra.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The part of an OpenSSH client config jinfra applies: {@code Host} blocks with HostName, Port, User,
 * IdentityFile and ProxyJump, and {@code Include}. {@code Match} blocks are skipped with one warning (their
 * conditions need a full ssh to evaluate); other keywords are ignored. As in OpenSSH, the first value found
 * for a keyword wins.
 */
public final class SshConfigFile {
    /** A config with no entries. */
    public static final SshConfigFile EMPTY = new SshConfigFile(List.of());

    /**
     * Settings that apply to a host every one of {@code conditions} (each a Host pattern list) matches: a Host
     * block in a file included from another Host block applies only where both match, as in OpenSSH.
     */
    record Block(List<List<String>> conditions, List<String[]> settings) {
        boolean appliesTo(String host) {
            return conditions.stream().allMatch(patterns -> matches(patterns, host));
        }
    }

    /** The settings found for one host; null fields were not set. */
    public record Entry(String hostName, Integer port, String user, List<String> identityFiles, String proxyJump) {}

    private final List<Block> blocks;

    private SshConfigFile(List<Block> blocks) {
        this.blocks = blocks;
    }

    /**
     * Reads {@code file}; a missing file gives an empty config. Problems are reported to {@code warnings}.
     * Relative {@code Include} paths are looked up in {@code ~/.ssh}, as OpenSSH does for a user config.
     */
    public static SshConfigFile load(Path file, Consumer<String> warnings) {
        return load(file, Path.of(System.getProperty("user.home"), ".ssh"), warnings);
    }

    /** As {@link #load(Path, Consumer)}, with relative {@code Include} paths looked up in {@code includeDir}. */
    static SshConfigFile load(Path file, Path includeDir, Consumer<String> warnings) {
        return new SshConfigFile(SshConfigReader.read(file, includeDir, warnings));
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    /** Settings for {@code host} (the name as given on the command line or in the inventory). */
    public Entry lookup(String host) {
        String hostName = null;
        Integer port = null;
        String user = null;
        String proxyJump = null;
        List<String> identities = new ArrayList<>();
        for (Block b : blocks) {
            if (!b.appliesTo(host)) {
                continue;
            }
            for (String[] s : b.settings()) {
                switch (s[0]) {
                    case "hostname" -> hostName = hostName == null ? expandHostName(s[1], host) : hostName;
                    case "port" -> port = port == null ? parsePort(s[1]) : port;
                    case "user" -> user = user == null ? s[1] : user;
                    case "proxyjump" -> proxyJump = proxyJump == null ? s[1] : proxyJump;
                    case "identityfile" -> identities.add(expandHome(s[1]));
                    default -> {}
                }
            }
        }
        return new Entry(hostName, port, user, List.copyOf(identities), "none".equalsIgnoreCase(proxyJump) ? null : proxyJump);
    }

    /** HostName's tokens: {@code %h} is the name looked up, {@code %%} a literal percent sign. */
    private static String expandHostName(String value, String host) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length() && (value.charAt(i + 1) == 'h' || value.charAt(i + 1) == '%')) {
                out.append(value.charAt(++i) == 'h' ? host : "%");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Integer parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** OpenSSH pattern lists: any positive match and no negated match. */
    static boolean matches(List<String> patterns, String host) {
        boolean any = false;
        for (String p : patterns) {
            for (String single : p.split(",")) {
                boolean negated = single.startsWith("!");
                String glob = negated ? single.substring(1) : single;
                if (globMatches(glob, host)) {
                    if (negated) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    static boolean globMatches(String glob, String text) {
        return globMatches(glob, 0, text, 0);
    }

    private static boolean globMatches(String g, int gi, String t, int ti) {
        while (gi < g.length()) {
            char c = g.charAt(gi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (globMatches(g, gi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length() || (c != '?' && Character.toLowerCase(c) != Character.toLowerCase(t.charAt(ti)))) {
                return false;
            }
            gi++;
            ti++;
        }
        return ti == t.length();
    }
}
