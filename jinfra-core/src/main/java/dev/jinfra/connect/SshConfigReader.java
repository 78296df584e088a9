package dev.jinfra.connect;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Parses OpenSSH client config files, following {@code Include}s, into {@link SshConfigFile.Block}s. */
final class SshConfigReader {
    private static final int MAX_INCLUDE_DEPTH = 16;

    /**
     * Where reading one file has got to. {@code outer} are the conditions of the Host block the file was
     * included from (none for the top file); the file's own Host lines add one more.
     */
    private static final class Cursor {
        final List<List<String>> outer;
        SshConfigFile.Block block;
        boolean inMatch;

        Cursor(List<List<String>> outer, SshConfigFile.Block block) {
            this.outer = outer;
            this.block = block;
        }
    }

    private final List<SshConfigFile.Block> blocks = new ArrayList<>();
    private final Path includeDir;
    private final Consumer<String> warnings;
    private boolean warnedAboutMatch;

    private SshConfigReader(Path includeDir, Consumer<String> warnings) {
        this.includeDir = includeDir;
        this.warnings = warnings;
    }

    /** The blocks of {@code file} and the files it includes, in file order. */
    static List<SshConfigFile.Block> read(Path file, Path includeDir, Consumer<String> warnings) {
        var reader = new SshConfigReader(includeDir, warnings);
        // Lines before the first Host line apply to every host: a block without conditions.
        reader.read(file, new Cursor(List.of(), reader.newBlock(List.of())), 0);
        return reader.blocks.stream().filter(b -> !b.settings().isEmpty()).toList();
    }

    private void read(Path file, Cursor at, int depth) {
        if (depth > MAX_INCLUDE_DEPTH) {
            warnings.accept(file + ": Include nested too deeply (a loop?); not read");
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
                    List<List<String>> conditions = new ArrayList<>(at.outer);
                    conditions.add(args);
                    at.block = newBlock(conditions);
                    at.inMatch = false;
                }
                case "match" -> {
                    at.inMatch = true;
                    if (!warnedAboutMatch) {
                        warnedAboutMatch = true;
                        warnings.accept(
                                file + ":" + lineNo + ": Match blocks are not supported; their settings are skipped");
                    }
                }
                case "include" -> {
                    if (!at.inMatch) {
                        include(args, at, depth);
                    }
                }
                default -> {
                    if (!at.inMatch && !args.isEmpty()) {
                        at.block
                                .settings()
                                .add(new SshConfigFile.Setting(key, String.join(" ", args), file + ":" + lineNo));
                    }
                }
            }
        }
    }

    /**
     * Reads included files in the context of the including line: inside a Host block they apply only to hosts
     * that block matches. Afterwards the including file carries on in its own block (OpenSSH restores it too),
     * in a fresh copy so that its later lines still come after the included ones.
     */
    private void include(List<String> patterns, Cursor at, int depth) {
        for (String pattern : patterns) {
            for (Path inc : expandInclude(pattern)) {
                read(inc, new Cursor(at.block.conditions(), at.block), depth + 1);
                at.block = newBlock(at.block.conditions());
            }
        }
    }

    private SshConfigFile.Block newBlock(List<List<String>> conditions) {
        var b = new SshConfigFile.Block(List.copyOf(conditions), new ArrayList<>());
        blocks.add(b);
        return b;
    }

    /** Splits {@code Keyword value}, {@code Keyword=value} and {@code Keyword = value}. */
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

    /** Whitespace-separated words; double quotes group words; an unquoted word starting with # ends the line. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !quoted && !inWord) {
                break;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    private List<Path> expandInclude(String pattern) {
        Path p = Path.of(SshConfigFile.expandHome(pattern));
        if (!p.isAbsolute()) {
            // OpenSSH resolves relative includes in a user config against ~/.ssh, not the including file's directory.
            p = includeDir.resolve(p);
        }
        Path dir = p.getParent();
        String glob = p.getFileName().toString();
        if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
            return List.of(p);
        }
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (var stream = Files.list(dir)) {
            // Sorted, as glob(3) returns them to OpenSSH.
            return stream.filter(f -> matcher.matches(f.getFileName())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
