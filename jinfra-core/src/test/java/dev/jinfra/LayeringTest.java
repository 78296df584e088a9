package dev.jinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's packages depend one way: the contract and the command builder at the bottom, then inventory
 * and connections, the operation families, the deploy language, the catalog, the engine on top. Read from
 * the sources, so a new import that points the wrong way fails here, naming the file.
 */
class LayeringTest {
    /** What each package may use besides itself; families ({@code ops.*}) may use one another, without loops. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("problem", Set.of()),
            Map.entry("command", Set.of("problem")),
            Map.entry("template", Set.of("problem")),
            Map.entry("api", Set.of("problem", "command")),
            Map.entry("inventory", Set.of("problem", "command", "template")),
            Map.entry("connect", Set.of("problem", "api", "command", "inventory")),
            Map.entry("ops.*", Set.of("problem", "api", "command", "inventory", "template", "ops.*")),
            // The catalog's reference shows the deploy language's methods, so it sits above the deploy package.
            Map.entry("catalog", Set.of("problem", "api", "ops.*", "deploy")),
            Map.entry("deploy", Set.of("problem", "api", "command", "inventory", "template", "ops.*")),
            // deploy.compile names command's Secret among the imports every deploy file gets.
            Map.entry("deploy.compile", Set.of("problem", "deploy", "api", "command", "inventory")),
            Map.entry("engine", Set.of("problem", "command", "connect", "inventory")),
            Map.entry(
                    "engine.deploy", Set.of("problem", "engine", "deploy", "api", "command", "connect", "inventory")));

    static final Pattern REFERENCE = Pattern.compile("\\bdev\\.jinfra\\.([a-z][\\w.]*?)\\.[A-Z]");

    /** Package (without {@code dev.jinfra.}) to the packages it refers to, and one file for each such reference. */
    static final Map<String, Map<String, String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Path root =
                Path.of(System.getProperty("jinfra.repo.root", "..")).resolve("jinfra-core/src/main/java/dev/jinfra");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = Pattern.compile("^package dev\\.jinfra\\.([\\w.]+);", Pattern.MULTILINE)
                        .matcher(text);
                assertThat(pkg.find()).as(file.toString()).isTrue();
                String from = pkg.group(1);
                Map<String, String> uses = USES.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        uses.putIfAbsent(m.group(1), root.relativize(file).toString());
                    }
                }
            }
        }
    }

    static String layerOf(String pkg) {
        return pkg.startsWith("ops.") ? "ops.*" : pkg;
    }

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        List<String> wrong = new ArrayList<>();
        USES.forEach((from, uses) -> {
            Set<String> allowed = ALLOWED.get(layerOf(from));
            if (allowed == null) {
                wrong.add("dev.jinfra." + from + " has no place in the layers: add it to LayeringTest.ALLOWED");
                return;
            }
            uses.forEach((to, file) -> {
                if (!allowed.contains(layerOf(to))) {
                    wrong.add(file + " uses dev.jinfra." + to);
                }
            });
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void noPackagesDependOnEachOtherInALoop() {
        List<String> loops = new ArrayList<>();
        for (String start : USES.keySet()) {
            findLoop(start, new ArrayList<>(List.of(start)), new HashSet<>(), loops);
        }
        assertThat(loops).isEmpty();
    }

    private static void findLoop(String at, List<String> path, Set<String> seen, List<String> loops) {
        for (String next : USES.getOrDefault(at, Map.of()).keySet()) {
            if (next.equals(path.getFirst())) {
                loops.add(String.join(" -> ", path) + " -> " + next);
            } else if (seen.add(next)) {
                path.add(next);
                findLoop(next, path, seen, loops);
                path.removeLast();
            }
        }
    }

    @Test
    void theEngineDoesNotKnowTheOperationFamilies() {
        Set<String> engineUses = new TreeSet<>();
        USES.forEach((from, uses) -> {
            if (from.startsWith("engine")) {
                engineUses.addAll(uses.keySet());
            }
        });
        assertThat(engineUses).noneMatch(p -> p.startsWith("ops"));
    }
}
