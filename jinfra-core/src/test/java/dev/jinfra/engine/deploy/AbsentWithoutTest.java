package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.Fact;
import dev.jinfra.catalog.Catalog;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.LocalConnector;
import dev.jinfra.inventory.Host;
import dev.jinfra.ops.files.BlockContent;
import dev.jinfra.ops.files.FileContent;
import dev.jinfra.ops.files.FindDirectories;
import dev.jinfra.ops.files.FindFiles;
import dev.jinfra.ops.files.FindInFile;
import dev.jinfra.ops.files.FindLinks;
import dev.jinfra.ops.files.LinkTarget;
import dev.jinfra.ops.files.Md5File;
import dev.jinfra.ops.files.Sha1File;
import dev.jinfra.ops.files.Sha256File;
import dev.jinfra.ops.files.Sha384File;
import dev.jinfra.testing.NotingPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fact whose path is missing is known absent from a test in the probe's own shell, without its program: the
 * value is the one the program itself gives, for a missing path, a dangling link and a file that is there.
 */
class AbsentWithoutTest {
    // Every fact type that names a path it is absent without, made for one path.
    private static final List<Function<String, Fact<?>>> GUARDED = List.of(
            Sha256File::new,
            Sha1File::new,
            Md5File::new,
            Sha384File::new,
            LinkTarget::new,
            FileContent::new,
            p -> new FindInFile(p, "^a"),
            p -> new BlockContent(p, "# BEGIN", "# END"),
            p -> new FindFiles(p, null, null),
            p -> new FindDirectories(p, null, null),
            p -> new FindLinks(p, null, null));

    private static final List<String> PROGRAMS =
            List.of("sha256sum", "sha1sum", "md5sum", "sha384sum", "readlink", "cat", "grep", "awk", "find");

    @TempDir
    Path dir;

    @Test
    void everyFactThatNamesSuchAPathIsCoveredHere() {
        Set<Class<?>> guarded = Catalog.factTypes().values().stream()
                .filter(AbsentWithoutTest::overridesAbsentWithout)
                .collect(Collectors.toSet());
        Set<Class<?>> covered =
                GUARDED.stream().map(f -> f.apply("/x").getClass()).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(guarded);
    }

    private static boolean overridesAbsentWithout(Class<?> type) {
        try {
            return type.getMethod("absentWithout").getDeclaringClass() != Fact.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theProbeGivesEachFactTheValueItsOwnProgramGives() throws Exception {
        Path file = Files.writeString(dir.resolve("it's a file"), "a line\n# BEGIN\nx\n# END\n");
        Path tree = Files.createDirectories(dir.resolve("-tree"));
        Files.writeString(tree.resolve("f"), "a\n");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        Path missing = dir.resolve("missing");
        List<Fact<?>> facts = new ArrayList<>();
        for (Path p : List.of(file, tree, dangling, link, missing, missing.resolve("below"))) {
            GUARDED.forEach(g -> facts.add(g.apply(p.toString())));
        }
        Connection local = new LocalConnector().connect(new Host(Host.LOCAL, List.of(), Map.of()));

        HostFacts probed = new HostFacts(local, (f, v) -> {});
        assertThat(probed.prefetch(Map.of(FactUser.LOGIN, Set.copyOf(facts)))).isTrue();
        HostFacts oneByOne = new HostFacts(local, (f, v) -> {});
        for (Fact<?> f : facts) {
            assertThat(probed.peekOrAbsent(FactUser.LOGIN, f)).as(f.toString()).isEqualTo(oneByOne.get(f));
        }
        assertThat(oneByOne.get(new Sha256File(missing.toString()))).isNull();
        assertThat(oneByOne.get(new LinkTarget(dangling.toString())))
                .isEqualTo(dir.resolve("nowhere").toString());
        assertThat(oneByOne.get(new FindInFile(file.toString(), "^a"))).containsExactly("a line");
    }

    @Test
    void noProgramStartsForAPathThatIsNotThere() throws Exception {
        Path missing = dir.resolve("missing");
        Path file = Files.writeString(dir.resolve("file"), "a\n");
        Path log = dir.resolve("started");
        Path bin = NotingPrograms.create(dir.resolve("bin"), log, PROGRAMS);
        Connection local = new LocalConnector().connect(new Host(Host.LOCAL, List.of(), Map.of()));
        HostFacts facts = new HostFacts(local, (f, v) -> {});

        List<Fact<?>> ofMissing =
                GUARDED.stream().<Fact<?>>map(g -> g.apply(missing.toString())).toList();
        String out = run(facts.probe(FactUser.LOGIN, ofMissing, true).script(), bin);
        assertThat(out.lines().filter(l -> l.matches("jinfra-fact-\\S+ \\d+ absent")))
                .as("every fact's marker says absent")
                .hasSize(GUARDED.size());
        assertThat(NotingPrograms.started(log)).isEmpty();

        run(
                facts.probe(FactUser.LOGIN, List.of(new Sha256File(file.toString())), true)
                        .script(),
                bin);
        assertThat(NotingPrograms.started(log)).containsExactly("sha256sum --");
    }

    private static String run(String script, Path bin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
