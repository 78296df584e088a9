package dev.jinfra.deploy.compile;

import static dev.jinfra.deploy.compile.Fixtures.file;
import static dev.jinfra.deploy.compile.Fixtures.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileErrorsTest {

    private static final DeployCompiler COMPILER = DeployCompiler.withoutCache();

    private static DeployCompileException errorsOf(List<Path> files) {
        return catchThrowableOfType(DeployCompileException.class, () -> COMPILER.loadAll(files));
    }

    @Test
    void anErrorOnTheFirstLinePointsPastTheInsertedImportsToTheUsersColumn() {
        // void deploy(Host host) { aptt.install(); }
        //                          ^ column 26
        assertThat(errorsOf(files("errors/line1.java")))
                .hasMessage(
                        "src/test/resources/deploy/errors/line1.java:1:26: error: cannot find symbol: variable aptt");
    }

    @Test
    void anErrorOnALaterLineHasItsLineAndColumn() {
        //     String name = host.nmae();
        //                       ^ column 23 (javac points at the dot)
        assertThat(errorsOf(files("errors/later.java")).errors())
                .containsExactly(
                        "src/test/resources/deploy/errors/later.java:4:23: error: cannot find symbol: method nmae()");
    }

    @Test
    void anErrorAfterAPackageStatementOnTheSameLineHasTheUsersColumn() throws Exception {
        String line = Files.readAllLines(file("errors/packaged.java")).getFirst();
        int column = line.indexOf("\"no\"") + 1;

        assertThat(errorsOf(files("errors/packaged.java")).errors())
                .containsExactly("src/test/resources/deploy/errors/packaged.java:1:" + column
                        + ": error: incompatible types: java.lang.String cannot be converted to int");
    }

    @Test
    void aCompactFileWithoutADeployMethodIsAnError() {
        assertThat(errorsOf(files("errors/nodeploy.java")))
                .hasMessage(
                        "src/test/resources/deploy/errors/nodeploy.java: error: no deploy method: a compact deploy file "
                                + "declares void deploy(Host host) { ... }");
    }

    @Test
    void errorsOfEveryBrokenFileAreReportedTogetherAndNothingLoads() {
        DeployCompileException e = errorsOf(files("compact/deploy.java", "errors/line1.java", "errors/later.java"));

        assertThat(e.errors()).hasSize(2);
        assertThat(e.errors().get(0)).startsWith("src/test/resources/deploy/errors/line1.java:1:26:");
        assertThat(e.errors().get(1)).startsWith("src/test/resources/deploy/errors/later.java:4:23:");
    }

    @Test
    void moreThanTenErrorsAreCutShortWithACount(@TempDir Path dir) throws Exception {
        StringBuilder src = new StringBuilder("void deploy(Host host) {\n");
        for (int i = 0; i < 13; i++) {
            src.append("    missing").append(i).append("();\n");
        }
        src.append("}\n");
        Path f = dir.resolve("many.java");
        Files.writeString(f, src);

        DeployCompileException e = errorsOf(List.of(f));

        assertThat(e.errors()).hasSize(13);
        List<String> lines = e.getMessage().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.getFirst()).isEqualTo(f + ":2:5: error: cannot find symbol: method missing0()");
        assertThat(lines.getLast()).isEqualTo("and 3 more");
    }

    @Test
    void anUnclosedBraceIsReportedAsJavacWouldWithoutTheAddedMain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("open.java");
        Files.writeString(f, "void deploy(Host host) {\n    int x = 1;\n");

        assertThat(errorsOf(List.of(f)).errors())
                .containsExactly(f + ":2:15: error: reached end of file while parsing");
    }

    @Test
    void columnsCountTabsAsOneCharacter(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tabs.java");
        Files.writeString(f, "void deploy(Host host) {\n\t\tnope();\n}\n");

        assertThat(errorsOf(List.of(f)).errors()).containsExactly(f + ":2:3: error: cannot find symbol: method nope()");
    }

    @Test
    void callsThatWouldEndJinfraItselfAreRefusedByLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deploy.java");
        Files.writeString(f, """
                void deploy(Host host) {
                    if (host.name().equals("web-1")) {
                        System.exit(0);
                    }
                    Runtime.getRuntime().halt(1);
                }
                """);
        assertThat(errorsOf(List.of(f)).errors())
                .containsExactly(
                        f + ":3: error: System.exit would end jinfra itself, for every host, before the summary: a"
                                + " deploy cannot stop the controller (throw an exception to fail this host instead)",
                        f + ":5: error: Runtime.halt would end jinfra itself, for every host, before the summary: a"
                                + " deploy cannot stop the controller (throw an exception to fail this host instead)");
    }
}
