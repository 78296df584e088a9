package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.Fact;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.LocalConnector;
import dev.jinfra.inventory.Host;
import dev.jinfra.ops.files.DirectoryInfo;
import dev.jinfra.ops.files.FileInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe's shared stat gives every fact the value its own stat would, for awkward paths too. */
class StatBatchTest {
    @TempDir
    Path dir;

    @Test
    void oneStatForManyPathsAgreesWithOneStatEach() throws Exception {
        Path file = Files.writeString(dir.resolve("it's a file"), "abc");
        Path newline = Files.writeString(dir.resolve("two\nlines"), "");
        Path sub = Files.createDirectories(dir.resolve("-sub dir"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        Path missing = dir.resolve("missing");
        List<Fact<?>> facts = new ArrayList<>();
        for (Path p : List.of(file, newline, sub, dangling, missing)) {
            facts.add(new FileInfo(p.toString()));
            facts.add(new DirectoryInfo(p.toString()));
        }
        Connection local = new LocalConnector().connect(new Host(Host.LOCAL, List.of(), Map.of()));

        HostFacts batched = new HostFacts(local, (f, v) -> {});
        assertThat(batched.prefetch(Map.of(FactUser.LOGIN, Set.copyOf(facts)))).isTrue();
        assertThat(batched.reads()).as("one probe").isEqualTo(1);

        HostFacts oneByOne = new HostFacts(local, (f, v) -> {});
        for (Fact<?> f : facts) {
            assertThat(batched.peekOrAbsent(FactUser.LOGIN, f)).as(f.toString()).isEqualTo(oneByOne.get(f));
        }
        assertThat(batched.reads()).as("nothing was read again").isEqualTo(1);
        assertThat(oneByOne.get(new FileInfo(file.toString())).size()).isEqualTo(3);
        assertThat(oneByOne.get(new FileInfo(missing.toString()))).isNull();
        assertThat(oneByOne.get(new FileInfo(dangling.toString())).type()).isEqualTo("symbolic link");
    }
}
