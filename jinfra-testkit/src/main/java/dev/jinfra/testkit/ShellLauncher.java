package dev.jinfra.testkit;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts {@code /bin/sh -c COMMAND} for a host, the way sshd would run an exec request.
 *
 * <p>The JDK encodes process arguments with {@code sun.jnu.encoding}, which follows the OS locale and is plain
 * ASCII under {@code LANG=C}: a UTF-8 command like {@code echo grüße} would reach the shell mangled. Such
 * commands are written to a UTF-8 script file and sourced instead, which keeps {@code sh -c} semantics (exit,
 * variables, redirections) while the argument stays ASCII.
 */
final class ShellLauncher {

    private static final Charset ARGUMENT_CHARSET = argumentCharset();

    private final Path scriptDir;

    ShellLauncher(Path scriptDir) {
        this.scriptDir = scriptDir;
    }

    /** A running command and the script file to delete when it is done, if one was needed. */
    record Launched(Process process, Optional<Path> script) {
        void cleanUp() {
            script.ifPresent(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // The fleet directory is deleted on close anyway.
                }
            });
        }
    }

    Launched start(String command, Map<String, String> environment, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Optional<Path> script = Optional.empty();
        String argument = command;
        if (!ARGUMENT_CHARSET.newEncoder().canEncode(command)) {
            Files.createDirectories(scriptDir);
            Path file = Files.createTempFile(scriptDir, "command-", ".sh");
            Files.writeString(file, command + "\n", StandardCharsets.UTF_8);
            script = Optional.of(file);
            argument = ". '" + file.toString().replace("'", "'\\''") + "'";
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", argument)).directory(workDir.toFile());
        builder.environment().putAll(environment);
        try {
            return new Launched(builder.start(), script);
        } catch (IOException e) {
            new Launched(null, script).cleanUp();
            throw e;
        }
    }

    private static Charset argumentCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }
}
