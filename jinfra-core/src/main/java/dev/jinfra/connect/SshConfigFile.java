package dev.jinfra.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The part of an OpenSSH client config jinfra applies: {@code Host} blocks with HostName, Port, User,
 * IdentityFile, ProxyJump, HashKnownHosts, UserKnownHostsFile and GlobalKnownHostsFile, and {@code Include}. {@code Match} blocks are skipped with one warning (their
 * conditions need a full ssh to evaluate); a host whose config sets ProxyCommand is refused (see
 * {@link Entry#proxyCommand}); other keywords are ignored. As in OpenSSH, the first value found for a keyword
 * wins.
 */
public final class SshConfigFile {
    /** A config with no entries. */
    public static final SshConfigFile EMPTY = new SshConfigFile(List.of(), w -> {});

    /**
     * Settings that apply to a host every one of {@code conditions} (each a Host pattern list) matches: a Host
     * block in a file included from another Host block applies only where both match, as in OpenSSH.
     */
    record Block(List<List<String>> conditions, List<Setting> settings) {
        boolean appliesTo(String host) {
            return conditions.stream().allMatch(patterns -> matches(patterns, host));
        }
    }

    /** One config line: its keyword in lower case, its value, and {@code file:line} for messages. */
    record Setting(String key, String value, String where) {}

    /**
     * The settings found for one host; null fields were not set.
     *
     * @param identityFiles every IdentityFile line, in order, as written (tokens are expanded per connection)
     * @param proxyCommand where the ProxyCommand that applies is set ({@code file:line}); null when there is none,
     *     it is {@code none}, or a ProxyJump came first (as in OpenSSH, whichever of the two comes first wins)
     * @param hashKnownHosts whether keys recorded by {@code accept-new} are written with the host name hashed
     * @param userKnownHostsFile the UserKnownHostsFile line that applies, its value a list of paths as written
     * @param globalKnownHostsFile the GlobalKnownHostsFile line that applies, its value a list of paths as written
     */
    public record Entry(
            String hostName,
            Integer port,
            String user,
            List<Setting> identityFiles,
            String proxyJump,
            String proxyCommand,
            Boolean hashKnownHosts,
            Setting userKnownHostsFile,
            Setting globalKnownHostsFile,
            Setting strictHostKeyChecking,
            Setting connectTimeout,
            Setting connectionAttempts,
            Setting kexAlgorithms) {
        /** The settings jinfra reads that are not about where to connect and as whom. */
        Entry(
                String hostName,
                Integer port,
                String user,
                List<Setting> identityFiles,
                String proxyJump,
                String proxyCommand,
                Boolean hashKnownHosts,
                Setting userKnownHostsFile,
                Setting globalKnownHostsFile) {
            this(
                    hostName,
                    port,
                    user,
                    identityFiles,
                    proxyJump,
                    proxyCommand,
                    hashKnownHosts,
                    userKnownHostsFile,
                    globalKnownHostsFile,
                    null,
                    null,
                    null,
                    null);
        }
    }

    private final List<Block> blocks;
    private final Consumer<String> warnings;
    private final Set<Path> warnedMissing = ConcurrentHashMap.newKeySet();

    private SshConfigFile(List<Block> blocks, Consumer<String> warnings) {
        this.blocks = blocks;
        this.warnings = warnings;
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
        return new SshConfigFile(SshConfigReader.read(file, includeDir, warnings), warnings);
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    /** Settings for {@code host} (the name as given on the command line or in the inventory). */
    public Entry lookup(String host) {
        String hostName = null;
        Integer port = null;
        String user = null;
        // ProxyJump and ProxyCommand compete: the first of either is the one that counts.
        Setting proxy = null;
        List<Setting> identities = new ArrayList<>();
        Boolean hash = null;
        Setting userFiles = null;
        Setting globalFiles = null;
        // First obtained value wins, as everywhere in ssh_config.
        Map<String, Setting> firsts = new HashMap<>();
        for (Block b : blocks) {
            if (!b.appliesTo(host)) {
                continue;
            }
            for (Setting s : b.settings()) {
                switch (s.key()) {
                    case "hostname" -> hostName = hostName == null ? expandHostName(s.value(), host) : hostName;
                    case "port" -> port = port == null ? parsePort(s.value()) : port;
                    case "user" -> user = user == null ? s.value() : user;
                    case "proxyjump", "proxycommand" -> proxy = proxy == null ? s : proxy;
                    case "identityfile" -> identities.add(s);
                    case "hashknownhosts" -> hash = hash == null ? parseYesNo(s.value()) : hash;
                    case "userknownhostsfile" -> userFiles = userFiles == null ? s : userFiles;
                    case "globalknownhostsfile" -> globalFiles = globalFiles == null ? s : globalFiles;
                    case "stricthostkeychecking", "connecttimeout", "connectionattempts", "kexalgorithms" ->
                        firsts.putIfAbsent(s.key(), s);
                    default -> {}
                }
            }
        }
        boolean none = proxy == null || "none".equalsIgnoreCase(proxy.value());
        String proxyJump = none || !proxy.key().equals("proxyjump") ? null : proxy.value();
        String proxyCommand = none || !proxy.key().equals("proxycommand") ? null : proxy.where();
        return new Entry(
                hostName,
                port,
                user,
                List.copyOf(identities),
                proxyJump,
                proxyCommand,
                hash,
                userFiles,
                globalFiles,
                firsts.get("stricthostkeychecking"),
                firsts.get("connecttimeout"),
                firsts.get("connectionattempts"),
                firsts.get("kexalgorithms"));
    }

    /**
     * The IdentityFiles of {@code entry} for a connection to {@code hostName} as {@code user} on {@code port},
     * tokens expanded. Files that do not exist are left out with one warning per file and run, as OpenSSH
     * leaves them out: a config naming a key only some machines have must not fail every host.
     *
     * @param given the host name looked up ({@code %n})
     * @throws IllegalArgumentException naming file and line for a token jinfra does not know
     */
    List<Path> identityFiles(Entry entry, String given, String hostName, String user, int port) {
        var tokens = ConfigTokens.forHost(given, hostName, user, port);
        List<Path> files = new ArrayList<>();
        for (Setting s : entry.identityFiles()) {
            Path file = Path.of(ConfigTokens.expand(s.value(), tokens, s.where() + ": IdentityFile"));
            if (Files.exists(file)) {
                files.add(file);
            } else if (warnedMissing.add(file)) {
                warnings.accept(s.where() + ": IdentityFile " + file + " does not exist; skipped");
            }
        }
        return List.copyOf(files);
    }

    /**
     * The error for a host whose connection the config routes through a ProxyCommand. jinfra cannot run one,
     * and connecting directly instead could go around a bastion the network requires.
     */
    static IllegalArgumentException proxyCommandRefused(String where) {
        return new IllegalArgumentException(where + ": ProxyCommand is not supported, and connecting directly"
                + " could bypass it; use ProxyJump, or set ssh_proxy_jump for the host");
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

    /**
     * The paths of a UserKnownHostsFile or GlobalKnownHostsFile line for a connection to {@code hostName} as
     * {@code user} on {@code port}, with {@code ~} and tokens expanded; an empty list for {@code none}.
     *
     * @param given the host name looked up ({@code %n})
     * @throws IllegalArgumentException naming file and line for a token jinfra does not know
     */
    static List<Path> knownHostsFiles(Setting setting, String given, String hostName, String user, int port) {
        if (setting.value().strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        var tokens = ConfigTokens.forHost(given, hostName, user, port);
        String keyword = setting.key().equals("userknownhostsfile") ? "UserKnownHostsFile" : "GlobalKnownHostsFile";
        List<Path> files = new ArrayList<>();
        for (String one : setting.value().strip().split("\\s+")) {
            if (!one.isEmpty()) {
                files.add(Path.of(ConfigTokens.expand(one, tokens, setting.where() + ": " + keyword)));
            }
        }
        return List.copyOf(files);
    }

    /** {@code yes} or {@code no} (OpenSSH also takes {@code true} and {@code false}); null for anything else. */
    private static Boolean parseYesNo(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
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
