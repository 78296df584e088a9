package dev.jinfra.deploy.compile;

import static dev.jinfra.deploy.compile.Fixtures.files;
import static dev.jinfra.deploy.compile.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployFilesTest {

    @Test
    void loadsFilesInOrderAndCachesThem(@TempDir Path cache) throws Exception {
        List<LoadedDeploy> deploys = DeployFiles.load(files("classform/deploy.java", "compact/deploy.java"), cache);

        assertThat(deploys)
                .extracting(d -> d.path().getParent().getFileName().toString())
                .containsExactly("classform", "compact");
        assertThat(run(deploys.get(1), "h")).containsExactly("compact ran for h");
        try (var entries = Files.list(cache)) {
            assertThat(entries).hasSize(2);
        }
    }

    @Test
    void worksWithoutACache() throws Exception {
        assertThat(run(DeployFiles.load(files("compact/deploy.java"), null).getFirst(), "h"))
                .containsExactly("compact ran for h");
    }

    @Test
    void ofSeveralDeployClassesTheOneNamedAfterTheFileRuns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Main.java");
        Files.writeString(f, """
                class Other implements Deploy { public void deploy(Host h) { throw new IllegalStateException("other"); } }
                class Main implements Deploy { public void deploy(Host h) { throw new IllegalStateException("main"); } }
                """);

        assertThatThrownBy(() -> run(DeployFiles.load(List.of(f), null).getFirst(), "h"))
                .hasMessage("main");
    }

    @Test
    void severalDeployClassesNoneNamedAfterTheFileIsAnError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deploy.java");
        Files.writeString(f, """
                class A implements Deploy { public void deploy(Host h) { } }
                class B implements Deploy { public void deploy(Host h) { } }
                """);

        assertThatThrownBy(() -> DeployFiles.load(List.of(f), null))
                .isInstanceOf(DeployCompileException.class)
                .hasMessage(f + ": error: more than one class implements Deploy (A, B): keep one, or name the file "
                        + "after the one to run");
    }

    @Test
    void aNestedDeployClassIsFoundWhenNoTopLevelOneIs(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deploy.java");
        Files.writeString(f, """
                final class Deploys {
                    static final class Web implements Deploy {
                        public void deploy(Host h) { throw new IllegalStateException("nested " + h.name()); }
                    }
                }
                """);

        assertThatThrownBy(() -> run(DeployFiles.load(List.of(f), null).getFirst(), "h"))
                .hasMessage("nested h");
    }
}
