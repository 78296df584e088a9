package dev.jinfra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * jinfra as a process of its own in {@code cwd}, for tests that press Ctrl-C: a signal cannot be sent to the
 * test's own JVM. Its stdout and stderr go to files there; closing it kills it if it still runs.
 */
final class JinfraProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private JinfraProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static JinfraProcess start(Path cwd, List<String> args) throws IOException {
        return start(cwd, List.of(), args);
    }

    /** As above, with options for its JVM (e.g. a small -Xmx). */
    static JinfraProcess start(Path cwd, List<String> jvmOptions, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jinfra.cli.Main"));
        command.addAll(args);
        Path out = cwd.resolve("out.txt");
        Path err = cwd.resolve("err.txt");
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new JinfraProcess(p, out, err);
    }

    /** Waits until {@code condition} holds, the process has ended, or {@code limit} has passed. */
    void awaitWhileRunning(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(10);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Ctrl-C: SIGINT, as the terminal sends it. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** @return whether it ended within {@code limit} */
    boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Every thread's stack, for the message of a test that waited for it in vain: SIGQUIT makes the JVM print them
     * on its standard output, and it goes on running.
     */
    String threadDump() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid()))
                .start()
                .waitFor();
        Thread.sleep(1000);
        String all = out();
        int from = all.lastIndexOf("Full thread dump");
        return from < 0 ? "(no thread dump)" : all.substring(from);
    }

    int exitCode() {
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
