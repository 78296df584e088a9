package dev.jinfra.cli;

import dev.jinfra.deploy.Deploy;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * {@code jinfra init [DIR]}: makes a directory of deploy files something an IDE can type-check. jinfra compiles
 * deploy files itself, with imports it adds, so an IDE on its own sees neither jinfra's classes nor those
 * imports. This writes a Maven project whose sources are the directory itself, a plain list of the running
 * jinfra's jars for tools that take a class path, and an example deploy with the imports written out.
 * Existing files are never overwritten.
 */
@CommandLine.Command(
        name = "init",
        customSynopsis = "jinfra init [DIR]",
        description = {
            "Sets up a directory of deploy files for IDEs: writes pom.xml (a Maven project whose sources are the "
                    + "deploy files), jinfra.classpath (jinfra's jars, one a line) and an example deploy.java when there "
                    + "are no deploy files yet. Files that exist are kept as they are."
        },
        mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
    static final String POM = "pom.xml";
    static final String CLASSPATH = "jinfra.classpath";
    static final String EXAMPLE = "deploy.java";

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "Where the deploy files are (default: here).")
    Path dir;

    private final Console console;

    InitCommand(Console console) {
        this(console, InitCommand::jinfraClassPath);
    }

    /** With the class path the project is to compile against given: tests hand it jars they made. */
    InitCommand(Console console, java.util.function.Supplier<List<String>> classPath) {
        this.console = console;
        this.classPath = classPath;
    }

    private final java.util.function.Supplier<List<String>> classPath;

    @Override
    public Integer call() throws IOException {
        Path target = dir == null ? console.cwd() : console.cwd().resolve(dir);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException("not a directory: " + dir);
        }
        Files.createDirectories(target);
        List<String> entries = classPath.get();
        write(
                target,
                POM,
                pom(artifactId(target), entries),
                "a Maven project for IDEs (mvn compile checks the deploy files); the deploy files here are its sources");
        write(
                target,
                CLASSPATH,
                String.join("\n", entries) + "\n",
                "jinfra's jars, one a line, for tools that take a class path");
        if (hasJavaFiles(target) && !Files.exists(target.resolve(EXAMPLE))) {
            console.out().println("no example " + EXAMPLE + ": there are deploy files here already");
        } else {
            write(target, EXAMPLE, EXAMPLE_DEPLOY, "an example deploy: jinfra INVENTORY " + EXAMPLE + " --dry");
        }

        console.out().println();
        console.out()
                .println("Open " + (dir == null ? "this directory" : dir) + " in your IDE as a Maven project; it"
                        + " compiles against this jinfra's own jars, so nothing needs installing first (run jinfra init"
                        + " again in a new directory if jinfra moves).");
        if (entries.stream().anyMatch(e -> !e.endsWith(".jar"))) {
            console.out()
                    .println("This jinfra runs from class directories (a development build), which a Maven"
                            + " project cannot name: build jinfra's jar (mvn package) and run init from it.");
        }
        console.out().println("Deploy files the IDE checks need jinfra's imports written out, as in " + EXAMPLE + ".");
        return ExitCode.OK;
    }

    /** Writes the file unless it exists: a user's edited pom or deploy is worth more than a fresh one. */
    private void write(Path target, String name, String text, String what) throws IOException {
        Path file = target.resolve(name);
        String shown = dir == null ? name : dir.resolve(name).toString();
        if (Files.exists(file)) {
            console.out().println("kept " + shown + " (already there)");
            return;
        }
        Files.writeString(file, text);
        console.out().println("wrote " + shown + ": " + what);
    }

    private static boolean hasJavaFiles(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f));
        }
    }

    /** The directory's name when Maven accepts it as an artifact id, so IDEs show a recognisable project. */
    static String artifactId(Path target) {
        Path name = target.toAbsolutePath().normalize().getFileName();
        String id = name == null ? "" : name.toString().replaceAll("[^A-Za-z0-9_.-]", "-");
        return id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) ? "deploys" : id;
    }

    /**
     * The running JVM's class path, absolute, plus wherever jinfra-core was loaded from when that is not on it
     * (a launcher's manifest-only jar, a test runner): the same answer jinfra's deploy compiler works from.
     */
    static List<String> jinfraClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        CodeSource source = Deploy.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                entries.add(Path.of(source.getLocation().toURI())
                        .toAbsolutePath()
                        .normalize()
                        .toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file location (a custom class loader): the class path above is all there is to say.
            }
        }
        return new ArrayList<>(entries);
    }

    /**
     * A project that compiles the deploy files against the running jinfra's jars, named one by one as system
     * dependencies: nothing to install or download first, and the IDE sees exactly the jinfra that will run them.
     */
    static String pom(String artifactId, List<String> classPath) {
        StringBuilder dependencies = new StringBuilder();
        int n = 0;
        for (String entry : classPath) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            String name = Path.of(entry).getFileName().toString();
            String id = (++n) + "-"
                    + name.substring(0, name.length() - ".jar".length()).replaceAll("[^A-Za-z0-9_.-]", "-");
            dependencies.append("""
                        <dependency>
                          <groupId>jinfra.classpath</groupId>
                          <artifactId>%s</artifactId>
                          <version>0</version>
                          <scope>system</scope>
                          <systemPath>%s</systemPath>
                        </dependency>
                    """.formatted(id, xml(entry)));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!--
                  Written by jinfra init so that IDEs (and mvn compile) can check the deploy files in this
                  directory. jinfra compiles deploy files itself (jinfra INVENTORY deploy.java); here they need
                  jinfra's imports and a main method written out, as the example deploy.java has them.
                -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>deploys</groupId>
                  <artifactId>%s</artifactId>
                  <version>0-SNAPSHOT</version>

                  <properties>
                    <maven.compiler.release>25</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <dependencies>
                    <!-- The jars of the jinfra that wrote this file (jinfra.classpath lists the same). -->
                %s  </dependencies>

                  <build>
                    <!-- Deploy files sit next to this file, where jinfra is run on them. -->
                    <sourceDirectory>${project.basedir}</sourceDirectory>
                    <plugins>
                      <!-- Pinned: the version older Maven releases default to predates release=25 and falls back
                           to Java 5 sources. -->
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, dependencies);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static final String EXAMPLE_DEPLOY = """
            // jinfra adds these imports to every deploy file by itself, so deploy files may leave them out. They are
            // written out here for IDEs, which don't know that; with them, the IDE can check this file.
            import dev.jinfra.inventory.Host;
            import dev.jinfra.command.Secret;
            import dev.jinfra.api.*;
            import dev.jinfra.deploy.*;
            import dev.jinfra.ops.apt.*;
            import dev.jinfra.ops.cargo.*;
            import dev.jinfra.ops.docker.*;
            import dev.jinfra.ops.files.*;
            import dev.jinfra.ops.gem.*;
            import dev.jinfra.ops.git.*;
            import dev.jinfra.ops.iptables.*;
            import dev.jinfra.ops.mysql.*;
            import dev.jinfra.ops.npm.*;
            import dev.jinfra.ops.packages.*;
            import dev.jinfra.ops.pip.*;
            import dev.jinfra.ops.postgresql.*;
            import dev.jinfra.ops.selinux.*;
            import dev.jinfra.ops.server.*;
            import dev.jinfra.ops.service.*;
            import dev.jinfra.ops.ssh.*;
            import dev.jinfra.ops.zfs.*;
            import static dev.jinfra.deploy.Operations.*;

            // Runs once per host while jinfra prepares the deploy: each call registers an operation, and then each
            // operation runs on all the hosts that registered it, changing only what differs.
            // Try it: jinfra INVENTORY deploy.java --dry
            void deploy(Host host) {
                files.directory("/srv/app", "750").name("App directory");
            }

            // Java requires a main method in a file without a class; jinfra never calls it. Without it, jinfra
            // still runs the file, but IDEs mark it as an error.
            void main() {}
            """;
}
