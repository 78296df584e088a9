package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.compile.DeployFiles;
import dev.jinfra.deploy.compile.LoadedDeploy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class InitCommandTest {
    @TempDir
    Path cwd;

    /** As Main will run it: {@code jinfra init [DIR]}, everything after {@code init} handed to the command. */
    CliRun init(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd,
                false);
        int code = Main.execute(new InitCommand(console), args, console);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void initWritesAPomTheClassPathAndAnExampleDeployHere() throws Exception {
        CliRun r = init();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("wrote pom.xml: ")
                .contains("wrote jinfra.classpath: ")
                .contains("wrote deploy.java: ");
        assertThat(cwd.resolve("pom.xml")).isRegularFile();
        assertThat(cwd.resolve("jinfra.classpath")).isRegularFile();
        assertThat(cwd.resolve("deploy.java")).isRegularFile();
    }

    @Test
    void thePomIsAMavenProjectOnJinfraCoreWithTheDeployFilesAsSources() throws Exception {
        init();
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(cwd.resolve("pom.xml").toFile());
        assertThat(text(pom, "sourceDirectory")).isEqualTo("${project.basedir}");
        assertThat(text(pom, "maven.compiler.release")).isEqualTo("25");
        // Maven 3.8 defaults to compiler plugin 3.1, which ignores release and compiles as Java 5: pinned.
        var plugin = pom.getElementsByTagName("plugin").item(0);
        assertThat(plugin.getTextContent()).contains("maven-compiler-plugin");
        String version = ((org.w3c.dom.Element) plugin)
                .getElementsByTagName("version")
                .item(0)
                .getTextContent();
        String[] parts = version.split("\\.");
        assertThat(Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]))
                .as("compiler plugin %s knows release (3.6 and later)", version)
                .isGreaterThanOrEqualTo(3006);
        // Every jar of the class path jinfra runs on, named by its path: nothing to install first.
        List<String> jars = Files.readAllLines(cwd.resolve("jinfra.classpath")).stream()
                .filter(e -> e.endsWith(".jar"))
                .toList();
        var dependencies = pom.getElementsByTagName("dependency");
        assertThat(dependencies.getLength()).isEqualTo(jars.size()).isPositive();
        for (int i = 0; i < dependencies.getLength(); i++) {
            var d = (org.w3c.dom.Element) dependencies.item(i);
            assertThat(d.getElementsByTagName("scope").item(0).getTextContent()).isEqualTo("system");
            assertThat(d.getElementsByTagName("systemPath").item(0).getTextContent())
                    .isEqualTo(jars.get(i));
        }
        assertThat(text(pom, "artifactId")).isEqualTo(InitCommand.artifactId(cwd));
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    @Test
    void theClassPathFileListsAbsolutePathsIncludingJinfraCore() throws Exception {
        init();
        List<String> entries = Files.readAllLines(cwd.resolve("jinfra.classpath"));
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(Path.of(e)).isAbsolute());
        Path core = Path.of(
                Deploy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(entries).contains(core.toAbsolutePath().normalize().toString());
    }

    @Test
    void theExampleDeployCompilesWithJinfraAndSpellsOutItsImports() throws Exception {
        init();
        Path example = cwd.resolve("deploy.java");
        assertThat(Files.readString(example)).contains("import static dev.jinfra.deploy.Operations.*;");
        List<LoadedDeploy> loaded = DeployFiles.load(List.of(example), null);
        assertThat(loaded).hasSize(1);
    }

    /** What an IDE does with the project: plain javac, no jinfra imports added, jinfra's jars on the class path. */
    @Test
    void theExampleDeployCompilesWithPlainJavacOnTheListedClassPath() throws Exception {
        init();
        String classPath = String.join(java.io.File.pathSeparator, Files.readAllLines(cwd.resolve("jinfra.classpath")));
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        var errors = new ByteArrayOutputStream();
        int code = javac.run(
                null,
                null,
                errors,
                "--release",
                "25",
                "-proc:none",
                "-cp",
                classPath,
                "-d",
                cwd.resolve("classes").toString(),
                cwd.resolve("deploy.java").toString());
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    /**
     * What the project is for: Maven compiles the example as written, offline, against jinfra's jars alone. The
     * tests run jinfra from class directories, which a pom cannot name, so jinfra's own classes are put in jars
     * first, as a built jinfra has them.
     */
    @Test
    void theProjectCompilesWithMavenAsWrittenAgainstJinfrasJars() throws Exception {
        List<String> classPath = new java.util.ArrayList<>();
        for (String entry : InitCommand.jinfraClassPath()) {
            classPath.add(
                    Files.isDirectory(Path.of(entry)) ? jarOf(Path.of(entry)).toString() : entry);
        }
        Path project = cwd.resolve("deploys");
        var console = new Console(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                cwd,
                false);
        assertThat(Main.execute(new InitCommand(console, () -> classPath), new String[] {"deploys"}, console))
                .isEqualTo(ExitCode.OK);

        var build = new ProcessBuilder("mvn", "-o", "-q", "-B", "compile")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(cwd.resolve("mvn.log").toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process mvn = build.start();
        assertThat(mvn.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(mvn.exitValue()).as(Files.readString(cwd.resolve("mvn.log"))).isZero();
        assertThat(project.resolve("target/classes/deploy.class")).isRegularFile();
    }

    /** A jar of a class directory, in this test's temporary directory. */
    private Path jarOf(Path classes) throws Exception {
        Path jar = Files.createTempFile(cwd, "classes-", ".jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(
                        classes.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aSecondRunKeepsEveryFileAsItIs() throws Exception {
        init();
        Files.writeString(cwd.resolve("deploy.java"), "void deploy(Host host) {}\n");
        Files.writeString(cwd.resolve("pom.xml"), "<project/>\n");
        CliRun again = init();
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.OK);
        assertThat(again.out())
                .contains(
                        "kept pom.xml (already there)",
                        "kept jinfra.classpath (already there)",
                        "kept deploy.java (already there)")
                .doesNotContain("wrote ");
        assertThat(cwd.resolve("deploy.java")).hasContent("void deploy(Host host) {}");
        assertThat(cwd.resolve("pom.xml")).hasContent("<project/>");
    }

    @Test
    void aDirectoryIsCreatedWhenMissingAndNamedAsGiven() throws Exception {
        CliRun r = init("ops/deploys");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("wrote ops/deploys/pom.xml: ");
        assertThat(cwd.resolve("ops/deploys/deploy.java")).isRegularFile();
        assertThat(Files.readString(cwd.resolve("ops/deploys/pom.xml"))).contains("<artifactId>deploys</artifactId>");
    }

    @Test
    void noExampleIsAddedNextToExistingDeployFiles() throws Exception {
        Files.writeString(cwd.resolve("web.java"), "void deploy(Host host) {}\n");
        CliRun r = init();
        assertThat(r.out()).contains("no example deploy.java: there are deploy files here already");
        assertThat(cwd.resolve("deploy.java")).doesNotExist();
        assertThat(cwd.resolve("pom.xml")).isRegularFile();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAUsageError() throws Exception {
        Files.writeString(cwd.resolve("taken"), "");
        CliRun r = init("taken");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: not a directory: taken");
    }
}
