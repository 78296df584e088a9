package dev.jinfra.deploy.compile;

import static dev.jinfra.deploy.compile.Fixtures.file;
import static dev.jinfra.deploy.compile.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCacheTest {

    @TempDir
    Path cache;

    private List<Path> entries() throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.toList();
        }
    }

    private Path onlyEntry() throws Exception {
        assertThat(entries()).hasSize(1);
        return entries().getFirst();
    }

    @Test
    void aCacheHitLoadsTheDeployWithoutRunningJavac() throws Exception {
        DeployCompiler first = new DeployCompiler(cache);
        first.load(file("compact/deploy.java"));
        assertThat(first.javacRuns()).isEqualTo(1);

        DeployCompiler second = new DeployCompiler(cache);
        LoadedDeploy deploy = second.load(file("compact/deploy.java"));

        assertThat(second.javacRuns()).isZero();
        assertThat(run(deploy, "web1", "web")).containsExactly("compact ran for web1 in web");
    }

    @Test
    void theClassFormAndARenamedSourceFileAreCachedToo() throws Exception {
        new DeployCompiler(cache).loadAll(List.of(file("packaged/deploy.java"), file("odd/01-base.java")));

        DeployCompiler second = new DeployCompiler(cache);
        List<LoadedDeploy> deploys = second.loadAll(List.of(file("packaged/deploy.java"), file("odd/01-base.java")));

        assertThat(second.javacRuns()).isZero();
        assertThat(run(deploys.get(0), "h")).containsExactly("packaged com.example.deploys.Site ran for h");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> run(deploys.get(1), "h"));
        assertThat(t.getStackTrace()[0].getFileName()).isEqualTo("01-base.java");
    }

    @Test
    void theSameContentUnderAnotherNameIsAnotherEntry() throws Exception {
        DeployCompiler compiler = new DeployCompiler(cache);
        compiler.loadAll(List.of(file("same/a/deploy.java"), file("same/b/deploy.java")));

        assertThat(entries()).hasSize(2);
        assertThat(DeployCache.key("deploy.java", new byte[] {1}))
                .isNotEqualTo(DeployCache.key("other.java", new byte[] {1}));
        assertThat(DeployCache.key("deploy.java", new byte[] {1}))
                .isNotEqualTo(DeployCache.key("deploy.java", new byte[] {2}));
    }

    @Test
    void aChangedFileIsCompiledAgain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deploy.java");
        Files.writeString(f, "void deploy(Host host) { throw new IllegalStateException(\"one\"); }\n");
        DeployCompiler compiler = new DeployCompiler(cache);
        compiler.load(f);
        Files.writeString(f, "void deploy(Host host) { throw new IllegalStateException(\"two\"); }\n");

        LoadedDeploy changed = compiler.load(f);

        assertThat(compiler.javacRuns()).isEqualTo(2);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> run(changed, "h")))
                .hasMessage("two");
    }

    @Test
    void aTruncatedClassFileIsIgnoredAndTheEntryRebuilt() throws Exception {
        new DeployCompiler(cache).load(file("pieces/deploy.java"));
        Path classFile = onlyEntry().resolve("c0.class");
        byte[] bytes = Files.readAllBytes(classFile);
        Files.write(classFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        DeployCompiler second = new DeployCompiler(cache);
        LoadedDeploy deploy = second.load(file("pieces/deploy.java"));

        assertThat(second.javacRuns()).isEqualTo(1);
        assertThat(run(deploy, "h")).hasSize(3);
        DeployCompiler third = new DeployCompiler(cache);
        third.load(file("pieces/deploy.java"));
        assertThat(third.javacRuns()).isZero();
    }

    @Test
    void anEntryWithoutItsManifestIsRebuilt() throws Exception {
        new DeployCompiler(cache).load(file("compact/deploy.java"));
        Files.delete(onlyEntry().resolve(DeployCache.MANIFEST));

        DeployCompiler second = new DeployCompiler(cache);
        second.load(file("compact/deploy.java"));

        assertThat(second.javacRuns()).isEqualTo(1);
        assertThat(onlyEntry().resolve(DeployCache.MANIFEST)).exists();
    }

    @Test
    void aGarbledManifestIsRebuilt() throws Exception {
        new DeployCompiler(cache).load(file("compact/deploy.java"));
        Files.writeString(onlyEntry().resolve(DeployCache.MANIFEST), "jinfra-deploy-cache 1\nform compact\n");

        DeployCompiler second = new DeployCompiler(cache);
        assertThat(run(second.load(file("compact/deploy.java")), "h")).containsExactly("compact ran for h");
        assertThat(second.javacRuns()).isEqualTo(1);
    }

    @Test
    void compileErrorsAreNotCached() throws Exception {
        DeployCompiler compiler = new DeployCompiler(cache);
        org.assertj.core.api.Assertions.catchThrowable(() -> compiler.load(file("errors/line1.java")));

        assertThat(Files.exists(cache) ? entries() : List.of()).isEmpty();
    }

    @Test
    void noTemporaryDirectoriesAreLeftBehind() throws Exception {
        new DeployCompiler(cache).loadAll(List.of(file("compact/deploy.java"), file("classform/deploy.java")));

        assertThat(entries())
                .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[0-9a-f]{64}"));
    }
}
