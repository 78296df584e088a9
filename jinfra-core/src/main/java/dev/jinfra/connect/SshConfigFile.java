package dev.jinfra.connect;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final int MAX_INCLUDE_DEPTH = 16;

    private record Block(List<String> patterns, List<String[]> settings) {}

    /** The settings found for one host; null fields were not set. */
    public record Entry(String hostName, Integer port, String user, List<String> identityFiles, String proxyJump) {}

    private final List<Block> blocks;

    private SshConfigFile(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Reads {@code file}; a missing file gives an empty config. Problems are reported to {@code warnings}. */
    public static SshConfigFile load(Path file, Consumer<String> warnings) {
        List<Block> blocks = new ArrayList<>();
        // Lines before the first Host line apply to every host.
        blocks.add(new Block(List.of("*"), new ArrayList<>()));
        var state = new boolean[] {false, false}; // [inside a Match block, warned about Match]
        read(file, blocks, state, warnings, 0);
        return new SshConfigFile(blocks);
    }

    private static void read(Path file, List<Block> blocks, boolean[] state, Consumer<String> warnings, int depth) {
        if (depth > MAX_INCLUDE_DEPTH) {
            warnings.accept(file + ": Include nested too deeply; not read");
            return;
        }
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            warnings.accept(file + ": cannot read ssh config: " + e.getMessage());
            return;
        }
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = splitKeyword(line);
            String key = kv[0].toLowerCase(Locale.ROOT);
            List<String> args = words(kv[1]);
            switch (key) {
                case "host" -> {
                    state[0] = false;
                    blocks.add(new Block(args, new ArrayList<>()));
                }
                case "match" -> {
                    state[0] = true;
                    if (!state[1]) {
                        state[1] = true;
                        warnings.accept(file + ":" + lineNo + ": Match blocks are not supported; their settings are skipped");
                    }
                }
                case "include" -> {
                    for (String pattern : args) {
                        for (Path inc : expandInclude(file, pattern)) {
                            read(inc, blocks, state, warnings, depth + 1);
                        }
                    }
                }
                default -> {
                    if (!state[0] && !args.isEmpty()) {
                        blocks.getLast().settings().add(new String[] {key, String.join(" ", args)});
                    }
                }
            }
        }
    }

    private static String[] splitKeyword(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        String rest = line.substring(i).strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).strip();
        }
        return new String[] {line.substring(0, i), rest};
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static List<Path> expandInclude(Path from, String pattern) {
        String expanded = expandHome(pattern);
        Path p = Path.of(expanded);
        if (!p.isAbsolute()) {
            // OpenSSH resolves relative includes in a user config against ~/.ssh.
            p = Path.of(System.getProperty("user.home"), ".ssh").resolve(p);
        }
        Path dir = p.getParent();
        String glob = p.getFileName().toString();
        if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
            return List.of(p);
        }
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (var stream = Files.list(dir)) {
            return stream.filter(f -> matcher.matches(f.getFileName())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
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
            if (!matches(b.patterns(), host)) {
                continue;
            }
            for (String[] s : b.settings()) {
                switch (s[0]) {
                    case "hostname" -> hostName = hostName == null ? s[1].replace("%h", host) : hostName;
                    case "port" -> port = port == null ? parsePort(s[1]) : port;
                    case "user" -> user = user == null ? s[1] : user;
                    case "proxyjump" -> proxyJump = proxyJump == null ? s[1] : proxyJump;
                    case "identityfile" -> identities.add(expandHome(s[1]));
                    default -> {}
                }
            }
        }
        return new Entry(hostName, port, user, List.copyOf(identities), "none".equals(proxyJump) ? null : proxyJump);
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
