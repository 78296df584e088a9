package dev.jinfra.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.cli.output.RunIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the JSON lines of a run's shards for {@code jinfra report}: files, every file of a directory, or
 * standard input ({@code -}). A file may hold several parts one after another ({@code cat shard-*.json}): each
 * starts at its {@code run} line. A last line cut short (the controller was killed while writing it) is left out;
 * its part then has no summary and is reported as not finished.
 */
final class ShardOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardOutputs() {}

    static List<ShardOutput> read(List<String> names, Path cwd, InputStream stdin, PrintStream err) {
        List<ShardOutput> parts = new ArrayList<>();
        for (String name : names) {
            if (name.equals("-")) {
                parts.addAll(parse("stdin", readAll(stdin, "stdin"), err));
                continue;
            }
            Path path = cwd.resolve(name);
            if (Files.isDirectory(path)) {
                List<Path> files = filesIn(path, name);
                if (files.isEmpty()) {
                    throw new UsageException("no files in " + name);
                }
                for (Path f : files) {
                    parts.addAll(parse(shown(name, f), read(f, shown(name, f)), err));
                }
            } else if (Files.isRegularFile(path)) {
                parts.addAll(parse(name, read(path, name), err));
            } else {
                throw new UsageException("no such file: " + name);
            }
        }
        return parts;
    }

    /** The directory's regular files in name order, leaving out hidden ones (editors' and uploaders' leftovers). */
    private static List<Path> filesIn(Path dir, String name) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + dev.jinfra.problem.Problems.inWords(e));
        }
    }

    private static String shown(String dir, Path file) {
        return (dir.endsWith("/") ? dir : dir + "/") + file.getFileName();
    }

    private static String read(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return readAll(in, name);
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + dev.jinfra.problem.Problems.inWords(e));
        }
    }

    private static String readAll(InputStream in, String name) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + dev.jinfra.problem.Problems.inWords(e));
        }
    }

    /** The parts in one text: each from its run line to its summary, or to the end of the text. */
    static List<ShardOutput> parse(String source, String text, PrintStream err) {
        if (text.isBlank()) {
            // A controller that died before its first line: which shard it was is not known, so it shows up
            // among the missing ones.
            err.println("jinfra: warning: " + source + " is empty; left out");
            return List.of();
        }
        List<String> lines = text.lines().toList();
        boolean cutShort = !text.endsWith("\n");
        List<ShardOutput> parts = new ArrayList<>();
        RunIdentity identity = null;
        List<JsonNode> events = new ArrayList<>();
        JsonNode summary = null;
        for (int i = 0; i < lines.size(); i++) {
            String where = source + ":" + (i + 1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode e;
            try {
                e = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException ex) {
                if (i == lines.size() - 1 && cutShort) {
                    break;
                }
                throw new UsageException(where + ": not a JSON line (jinfra report reads what --json-file writes)");
            }
            String type = e.path("type").asText();
            if (type.equals("run")) {
                if (identity != null) {
                    parts.add(new ShardOutput(source, identity, events, summary));
                }
                try {
                    identity = RunIdentity.fromJson(e);
                } catch (IllegalArgumentException ex) {
                    throw new UsageException(where + ": " + ex.getMessage());
                }
                events = new ArrayList<>();
                summary = null;
            } else if (identity == null) {
                throw new UsageException(where + ": no run line before it: not written by --json or --json-file of"
                        + " this version of jinfra");
            } else if (summary == null && type.equals("summary")) {
                summary = e;
            } else if (summary == null) {
                events.add(e);
            }
        }
        if (identity != null) {
            parts.add(new ShardOutput(source, identity, events, summary));
        }
        return parts;
    }
}
