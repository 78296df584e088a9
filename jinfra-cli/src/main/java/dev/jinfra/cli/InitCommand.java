package dev.jinfra.cli;

import dev.jinfra.deploy.Deploy;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
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

    /** Used when jinfra runs from classes rather than its jar, which carries the real version. */
    private static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "Where the deploy files are (default: here).")
    Path dir;

    private final Console console;

    InitCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Path target = dir == null ? console.cwd() : console.cwd().resolve(dir);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException("not a directory: " + dir);
        }
        Files.createDirectories(target);
        String version = jinfraVersion();

        write(
                target,
                POM,
                pom(artifactId(target), version),
                "a Maven project for IDEs; the deploy files here are its sources");
        write(
                target,
                CLASSPATH,
                String.join("\n", jinfraClassPath()) + "\n",
                "jinfra's jars, one a line, for tools that take a class path");
        if (hasJavaFiles(target) && !Files.exists(target.resolve(EXAMPLE))) {
            console.out().println("no example " + EXAMPLE + ": there are deploy files here already");
        } else {
            write(target, EXAMPLE, EXAMPLE_DEPLOY, "an example deploy: jinfra INVENTORY " + EXAMPLE + " --dry");
        }

        console.out().println();
        console.out()
                .println("Open " + (dir == null ? "this directory" : dir) + " in your IDE as a Maven project. It needs"
                        + " dev.jinfra:jinfra-core:" + version
                        + " in your local Maven repository (mvn install in jinfra's"
                        + " checkout); otherwise add the jars listed in " + CLASSPATH
                        + " to the project as a library.");
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

    /** From the jar's Maven metadata, so the pom asks for the jinfra that is running. */
    static String jinfraVersion() {
        try (InputStream in =
                Deploy.class.getResourceAsStream("/META-INF/maven/dev.jinfra/jinfra-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", FALLBACK_VERSION);
            }
        } catch (IOException e) {
            // Unreadable metadata is no reason to fail init; the fallback is the version this source belongs to.
        }
        return FALLBACK_VERSION;
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

    static String pom(String artifactId, String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!--
                  Written by jinfra init so that IDEs can type-check the deploy files in this directory. jinfra
                  compiles deploy files itself (jinfra INVENTORY deploy.java); this project is not for building:
                  mvn would fail on deploy files that leave out their imports or their main method.
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
                    <!-- From the local Maven repository: run mvn install in jinfra's checkout once. -->
                    <dependency>
                      <groupId>dev.jinfra</groupId>
                      <artifactId>jinfra-core</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>

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
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, version);
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
            import dev.jinfra.ops.files.*;
            import dev.jinfra.ops.gem.*;
            import dev.jinfra.ops.git.*;
            import dev.jinfra.ops.npm.*;
            import dev.jinfra.ops.packages.*;
            import dev.jinfra.ops.pip.*;
            import dev.jinfra.ops.server.*;
            import dev.jinfra.ops.service.*;
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
