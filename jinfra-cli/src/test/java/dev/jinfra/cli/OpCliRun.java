package dev.jinfra.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Runs one command object as {@link Main} will once it dispatches to it, with captured output: the operation
 * and fact commands are not yet reachable through {@link Main#run}.
 */
final class OpCliRun {
    private OpCliRun() {}

    static CliRun run(Path cwd, Function<Console, Object> command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd,
                false);
        int code = Main.execute(command.apply(console), args, console);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
