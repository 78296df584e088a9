package dev.jinfra.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code java -jar jinfra.jar} on an old Java says which Java jinfra needs; on Java 25 it runs jinfra. */
class LauncherTest {
    @Test
    void javaOlderThan25IsRefusedWithTheVersionAndWhereItIs() {
        assertThat(Launcher.refusal("1.8", "/opt/jdk8"))
                .isEqualTo("jinfra: needs Java 25 or newer; this is Java 1.8 (/opt/jdk8)");
        assertThat(Launcher.refusal("17", "/usr/lib/jvm/java-17-openjdk-amd64"))
                .isEqualTo("jinfra: needs Java 25 or newer; this is Java 17 (/usr/lib/jvm/java-17-openjdk-amd64)");
        assertThat(Launcher.refusal("24", "/x")).isNotNull();
    }

    @Test
    void java25AndLaterAndUnreadableVersionsAreLetThrough() {
        assertThat(Launcher.refusal("25", "/x")).isNull();
        assertThat(Launcher.refusal("26", "/x")).isNull();
        assertThat(Launcher.refusal("100", "/x")).isNull();
        assertThat(Launcher.refusal(null, "/x")).isNull();
        assertThat(Launcher.refusal("", "/x")).isNull();
    }

    @Test
    void theLauncherClassRunsOnAnOldJavaAndSaysWhatItNeeds() throws Exception {
        Path oldJava = olderJava()
                .orElseThrow(() -> new AssertionError("this test needs a Java older than 25 in /usr/lib/jvm or as "
                        + "/usr/bin/java (e.g. apt-get install openjdk-17-jre-headless)"));
        Run r = run(List.of(oldJava.toString(), "-cp", classesDir(), Launcher.class.getName(), "--version"));
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err())
                .as(r.toString())
                .matches("jinfra: needs Java 25 or newer; this is Java (1\\.)?\\d+ \\(/\\S+\\)\n");
    }

    @Test
    void onJava25TheLauncherStartsJinfra() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Run r = run(List.of(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--version"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("jinfra ");
    }

    /** The directory Launcher.class was loaded from: only it, so an old Java reads no class built for 25. */
    private static String classesDir() throws Exception {
        return Path.of(Launcher.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }

    /** A Java older than 25 on this machine: a JDK or JRE in /usr/lib/jvm by its release file, or /usr/bin/java. */
    private static Optional<Path> olderJava() throws IOException {
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin/java");
                if (Files.isRegularFile(release) && Files.isExecutable(java)) {
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) < Launcher.NEEDED) {
                        return Optional.of(java);
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // No /usr/lib/jvm: look at /usr/bin/java alone.
        }
        Path usrBin = Path.of("/usr/bin/java");
        if (Files.isExecutable(usrBin)) {
            Run r = run(List.of(usrBin.toString(), "-XshowSettings:properties", "-version"));
            Matcher m =
                    Pattern.compile("java\\.specification\\.version = (\\S+)").matcher(r.err());
            if (m.find() && Launcher.feature(m.group(1)) < Launcher.NEEDED) {
                return Optional.of(usrBin);
            }
        }
        return Optional.empty();
    }

    private record Run(int code, String out, String err) {}

    private static Run run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            // Small outputs: read stderr after stdout without a thread of its own.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(p.exitValue(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }
}
