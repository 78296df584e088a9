package dev.jinfra.deploy.compile;

import static dev.jinfra.deploy.compile.Fixtures.file;
import static dev.jinfra.deploy.compile.Fixtures.files;
import static dev.jinfra.deploy.compile.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jinfra.deploy.Deploy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCompilerTest {

    /** Shared so javac is started once for the whole class, as the CLI would. */
    private static final DeployCompiler COMPILER = DeployCompiler.withoutCache();

    @Test
    void aCompactFileRunsAndReceivesTheHost() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("compact/deploy.java"));

        assertThat(deploy.displayName()).isEqualTo("src/test/resources/deploy/compact/deploy.java");
        assertThat(deploy.path()).isEqualTo(file("compact/deploy.java"));
        assertThat(run(deploy, "web1", "web")).containsExactly("compact ran for web1 in web");
        assertThat(run(deploy, "db1")).containsExactly("compact ran for db1");
    }

    @Test
    void aDeployFileUsesSecretWithoutImportingIt() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("secret/deploy.java"));

        assertThat(run(deploy, "web1")).containsExactly("secret shown as **** for web1");
    }

    @Test
    void aClassImplementingDeployRunsWhateverItIsCalled() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("classform/deploy.java"));

        assertThat(run(deploy, "web1")).containsExactly("class form ran for web1 via nested helper");
    }

    @Test
    void aCompactFileMayDeclareHelperMethodsFieldsAndTypes() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("pieces/deploy.java"));

        assertThat(run(deploy, "web1"))
                .containsExactly(
                        "install nginx=1.26 on web1", "install curl=8.5 on web1", "class Greeting { } calls=2");
        // A fresh instance per host: the field counting calls starts over.
        assertThat(run(deploy, "web2")).last().isEqualTo("class Greeting { } calls=2");
    }

    @Test
    void aClassInAPackageGetsTheImportsAfterItsPackageStatement() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("packaged/deploy.java"));

        assertThat(run(deploy, "web1")).containsExactly("packaged com.example.deploys.Site ran for web1");
    }

    @Test
    void importsThatRepeatJinfrasOwnStillCompile() throws Exception {
        List<LoadedDeploy> deploys = COMPILER.loadAll(files("imports/deploy.java", "imports/Explicit.java"));

        assertThat(run(deploys.get(0), "h")).containsExactly("imports ran for h");
        assertThat(run(deploys.get(1), "h")).containsExactly("explicit ran for h");
    }

    @Test
    void twoFilesWithTheSameNameAreBothLoadedInTheOrderGiven() throws Exception {
        List<LoadedDeploy> deploys = COMPILER.loadAll(files("same/b/deploy.java", "same/a/deploy.java"));

        assertThat(deploys)
                .extracting(LoadedDeploy::displayName)
                .containsExactly(
                        "src/test/resources/deploy/same/b/deploy.java", "src/test/resources/deploy/same/a/deploy.java");
        assertThat(run(deploys.get(0), "h")).containsExactly("b");
        assertThat(run(deploys.get(1), "h")).containsExactly("a");
    }

    @Test
    void eachDeployHasItsOwnClassLoaderUnderJinfras() throws Exception {
        List<LoadedDeploy> deploys = COMPILER.loadAll(files("same/a/deploy.java", "same/b/deploy.java"));
        ClassLoader a = loaderOf(deploys.get(0));
        ClassLoader b = loaderOf(deploys.get(1));

        assertThat(a).isNotSameAs(b);
        assertThat(a.getParent()).isSameAs(Deploy.class.getClassLoader());
        assertThat(a.loadClass("deploy")).isNotSameAs(b.loadClass("deploy"));
    }

    private static ClassLoader loaderOf(LoadedDeploy deploy) {
        return ((ReflectiveDeploy) deploy.deploy()).entryClass().getClassLoader();
    }

    @Test
    void anExceptionAtRunTimePropagatesWithTheDeployFilesLineInTheStack() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("run/fails.java"));

        assertThat(run(deploy, "web1")).isEmpty();
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> run(deploy, "db1", "db"));
        assertThat(e).hasMessage("no database on db1:5432");
        assertThat(e.getStackTrace()[0].getFileName()).isEqualTo("fails.java");
        assertThat(e.getStackTrace()[0].getLineNumber()).isEqualTo(6);
        assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("deploy");
    }

    @Test
    void aFileNameThatIsNoJavaIdentifierStillShowsInStackTraces() throws Exception {
        LoadedDeploy deploy = COMPILER.load(file("odd/01-base.java"));

        UnsupportedOperationException e =
                catchThrowableOfType(UnsupportedOperationException.class, () -> run(deploy, "h"));
        assertThat(e).hasMessage("base for h");
        assertThat(e.getStackTrace()[0].getFileName()).isEqualTo("01-base.java");
        assertThat(e.getStackTrace()[0].getLineNumber()).isEqualTo(3);
    }

    @Test
    void aCompactFileNamedLikeAnImportedTypeStillCompiles() throws Exception {
        assertThat(run(COMPILER.load(file("odd/Host.java")), "h")).containsExactly("Host.java ran for h");
    }

    @Test
    void classesInCommentsStringsTextBlocksAndAnnotationsDoNotConfuseTheFormCheck() throws Exception {
        assertThat(run(COMPILER.load(file("odd/tricky.java")), "h")).containsExactly("tricky 41{");
    }

    @Test
    void loadingRunsNothingOfTheDeploy() throws Exception {
        System.clearProperty("jinfra.test.static-init");
        LoadedDeploy deploy = COMPILER.load(file("run/static-init.java"));
        assertThat(System.getProperty("jinfra.test.static-init")).isNull();

        run(deploy, "h");
        assertThat(System.getProperty("jinfra.test.static-init")).isEqualTo("ran");
        System.clearProperty("jinfra.test.static-init");
    }

    @Test
    void aCheckedExceptionFromADeployMethodIsWrappedWithTheFileName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("checked.java");
        Files.writeString(
                f, "void deploy(Host host) throws Exception {\n    throw new java.io.IOException(\"disk\");\n}\n");
        LoadedDeploy deploy = COMPILER.load(f);

        assertThatThrownBy(() -> run(deploy, "h"))
                .isInstanceOf(java.lang.reflect.UndeclaredThrowableException.class)
                .hasMessageContaining("checked.java")
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void aFileWithAByteOrderMarkAndNoTrailingNewlineCompiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.java");
        Files.writeString(f, "\uFEFFvoid deploy(Host host) { throw new IllegalStateException(host.name()); } // end");
        LoadedDeploy deploy = COMPILER.load(f);

        assertThatThrownBy(() -> run(deploy, "h"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("h");
    }

    @Test
    void aFileThatDeclaresItsOwnMainIsLeftAlone(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("withmain.java");
        Files.writeString(
                f, "void main() { }\nvoid deploy(Host host) { throw new IllegalStateException(\"main ok\"); }\n");

        assertThatThrownBy(() -> run(COMPILER.load(f), "h")).hasMessage("main ok");
    }
}
