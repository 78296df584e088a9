package dev.jinfra.ops.apt;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The apt sources in /etc/apt/sources.list and /etc/apt/sources.list.d: one-line {@code .list} files and deb822
 * {@code .sources} files, each entry with its type, URI, suite, components and options. A deb822 stanza with
 * several types, URIs or suites gives one entry per combination, as apt reads it; disabled stanzas are left out.
 */
@Doc(
        value =
                "apt's sources (sources.list, sources.list.d/*.list and *.sources): type, URI, suite, components and options of each.")
public record AptSources() implements Fact<List<AptSources.Source>> {

    /**
     * @param file    where the entry is written
     * @param type    {@code deb} or {@code deb-src}
     * @param options one-line names ({@code arch}, {@code signed-by}); deb822 fields are renamed to them
     */
    public record Source(
            String file, String type, String uri, String suite, List<String> components, Map<String, String> options) {
        public Source {
            components = List.copyOf(components);
            options = Map.copyOf(options);
        }

        /** The same repository, wherever it is written: file aside, URIs without a trailing slash, components in any order. */
        public boolean sameRepo(Source other) {
            return type.equals(other.type)
                    && trimSlash(uri).equals(trimSlash(other.uri))
                    && suite.equals(other.suite)
                    && new java.util.HashSet<>(components).equals(new java.util.HashSet<>(other.components))
                    && options.equals(other.options);
        }

        private static String trimSlash(String uri) {
            return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        }
    }

    // Each existing file is announced by a line starting with the ASCII record separator, which never appears in
    // a sources file, then its text and a newline in case its last line has none.
    private static final String SCRIPT =
            "for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do "
                    + "if [ -f \"$f\" ]; then printf '\\036%s\\n' \"$f\"; cat -- \"$f\"; echo; fi; done";
    private static final char SEPARATOR = '\u001e';

    @Override
    public Command command() {
        return Command.of("sh", "-c", SCRIPT);
    }

    @Override
    public List<Source> parse(String stdout) {
        List<Source> sources = new ArrayList<>();
        for (String chunk : stdout.split(String.valueOf(SEPARATOR))) {
            int newline = chunk.indexOf('\n');
            if (newline <= 0) {
                continue; // text before the first file (none) or an empty chunk
            }
            String file = chunk.substring(0, newline);
            String text = chunk.substring(newline + 1);
            if (file.endsWith(".sources")) {
                deb822(file, text, sources);
            } else {
                for (String line : text.split("\n")) {
                    Source s = parseLine(file, line);
                    if (s != null) {
                        sources.add(s);
                    }
                }
            }
        }
        return sources;
    }

    /**
     * One line of the one-line format, {@code deb [opt=value ...] URI suite [component ...]}, or null for a
     * blank, comment or malformed line.
     */
    static Source parseLine(String file, String line) {
        String text = line;
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        text = text.strip();
        String[] head = text.split("\\s+", 2);
        if (head.length < 2 || !(head[0].equals("deb") || head[0].equals("deb-src"))) {
            return null;
        }
        String rest = head[1].strip();
        Map<String, String> options = new LinkedHashMap<>();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return null;
            }
            for (String option : rest.substring(1, close).strip().split("\\s+")) {
                if (!option.isEmpty()) {
                    int eq = option.indexOf('=');
                    options.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? "" : option.substring(eq + 1));
                }
            }
            rest = rest.substring(close + 1).strip();
        }
        String[] words = rest.split("\\s+");
        if (words.length < 2 || words[0].isEmpty()) {
            return null;
        }
        return new Source(file, head[0], words[0], words[1], List.of(words).subList(2, words.length), options);
    }

    private static void deb822(String file, String text, List<Source> sources) {
        Map<String, String> stanza = new LinkedHashMap<>();
        String last = null;
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                stanza(file, stanza, sources);
                stanza.clear();
                last = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                // A continuation line; " ." stands for an empty line inside the value (an embedded key).
                String more = line.strip();
                stanza.merge(last, more.equals(".") ? "" : more, (a, b) -> a + "\n" + b);
            } else if (line.indexOf(':') > 0) {
                last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                stanza.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
    }

    private static void stanza(String file, Map<String, String> fields, List<Source> sources) {
        if (fields.isEmpty()
                || List.of("no", "false", "0")
                        .contains(fields.getOrDefault("enabled", "yes").toLowerCase(Locale.ROOT))) {
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (var e : fields.entrySet()) {
            switch (e.getKey()) {
                case "types", "uris", "suites", "components", "enabled" -> {}
                // The one-line format's names for these, with its comma-separated lists.
                case "architectures" -> options.put("arch", String.join(",", words(e.getValue())));
                case "languages" -> options.put("lang", String.join(",", words(e.getValue())));
                case "targets" -> options.put("target", String.join(",", words(e.getValue())));
                default -> options.put(e.getKey(), e.getValue().strip());
            }
        }
        List<String> components = words(fields.getOrDefault("components", ""));
        for (String type : words(fields.getOrDefault("types", ""))) {
            for (String uri : words(fields.getOrDefault("uris", ""))) {
                for (String suite : words(fields.getOrDefault("suites", ""))) {
                    sources.add(new Source(file, type, uri, suite, components, options));
                }
            }
        }
    }

    private static List<String> words(String value) {
        String v = value.strip();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }

    @Override
    public List<Source> absent() {
        return List.of();
    }
}
