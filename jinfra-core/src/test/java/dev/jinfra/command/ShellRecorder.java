package dev.jinfra.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs many command lines through one real shell process, every program replaced by a recorder: what each program
 * would have received, byte for byte, is written down instead of run. The lines are parsed by the shell exactly as
 * sent. A program with a plain name stands for a recorder function (an alias, which the shell swaps in before it
 * reads the rest of the line, so no process is started); any other name without a slash is a recorder script of
 * that name on {@code PATH}, found as the program would be. A program given by its path cannot be replaced without
 * running something outside the test's directory: such a line is run with {@link #RECORD} put in front, which
 * records the program's path with the arguments. Nothing else can run: {@code PATH} holds only the recorders, so a
 * word that ran as a command by mistake is "not found" on standard error, and a payload that ran leaves the canary
 * file or {@link HostileStrings#MARKER} on standard output.
 */
final class ShellRecorder {
    // A program name that can stand for an alias in both dash and bash (reserved words aside).
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    // Names that are grammar where an alias would be looked up: they get a recorder script instead.
    private static final Set<String> RESERVED = Set.of(
            "case",
            "coproc",
            "do",
            "done",
            "elif",
            "else",
            "esac",
            "fi",
            "for",
            "function",
            "if",
            "in",
            "select",
            "then",
            "time",
            "until",
            "while");
    /** The recorder's own name: put in front of a line whose program {@link #canStandFor} says it cannot replace. */
    static final String RECORD = "jinfra_rec";
    /** Records, as the arguments of one invocation, the values of the variables it names, then its first input line. */
    static final String ENV_PROBE = "jinfra-env-probe";

    /** A line to run; with {@code stdin} (may be null) it runs in a subshell of its own that reads it. */
    record Case(String line, byte[] stdin) {}

    /** What one shell made of the cases: per case, each invocation as its arguments' bytes. */
    record Recording(
            String shell, List<List<List<byte[]>>> invocations, String stdout, String stderr, boolean canary) {}

    private ShellRecorder() {}

    /**
     * Whether a recorder can stand for {@code program} where it comes first on a line: a name without a slash, in
     * ASCII so that it is a file name whatever the platform's encoding of names, and short enough for one.
     */
    static boolean canStandFor(String program) {
        return !program.isEmpty()
                && program.length() <= 255
                && !program.equals(".")
                && !program.equals("..")
                && !program.contains("/")
                && program.chars().allMatch(c -> c > 0 && c < 0x80);
    }

    /** Runs {@code cases} with {@code shell} (an absolute path) in a directory of its own below {@code dir}. */
    static Recording run(String shell, Path dir, Collection<String> programs, List<Case> cases) {
        try {
            return record(shell, Files.createTempDirectory(dir, "shell"), programs, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Recording record(String shell, Path dir, Collection<String> programs, List<Case> cases)
            throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path work = Files.createDirectory(dir.resolve("work"));
        Path canary = dir.resolve("canary");
        Path records = dir.resolve("records");
        StringBuilder script = new StringBuilder();
        if (shell.endsWith("bash")) {
            script.append("shopt -s expand_aliases\n");
        }
        script.append("exec 3>").append(ShellQuote.quote(records.toString())).append('\n');
        script.append("jinfra_rec() { printf '%s\\0' \"$#\" \"$@\" >&3; }\n");
        // Its name, the values of the variables named, then the first line left on standard input (empty when none).
        script.append("jinfra_env() { printf '%s\\0' \"$(($# + 2))\" ")
                .append(ENV_PROBE)
                .append(" >&3; for jinfra_n do")
                .append(" eval \"printf '%s\\\\0' \\\"\\${$jinfra_n-}\\\"\" >&3; done;")
                .append(" IFS= read -r jinfra_n || :; printf '%s\\0' \"$jinfra_n\" >&3; }\n");
        for (String program : new TreeSet<>(programs)) {
            if (!canStandFor(program)) {
                throw new IllegalArgumentException("no recorder can stand for the program '" + program + "'");
            }
            if (ALIAS.matcher(program).matches() && !RESERVED.contains(program)) {
                script.append("alias ")
                        .append(program)
                        .append("='jinfra_rec ")
                        .append(program)
                        .append("'\n");
            } else {
                // Its own name first, as an alias records it; fd 3 is inherited.
                Path recorder = bin.resolve(program);
                Files.writeString(recorder, "#!/bin/sh\nprintf '%s\\0' \"$(($# + 1))\" \"${0##*/}\" \"$@\" >&3\n");
                recorder.toFile().setExecutable(true);
            }
        }
        script.append("alias ").append(ENV_PROBE).append("=jinfra_env\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            script.append("printf 'C%s\\0' ").append(i).append(" >&3\n");
            if (c.stdin() == null) {
                script.append(c.line()).append('\n');
            } else {
                Path in = dir.resolve("stdin-" + i);
                Files.write(in, c.stdin());
                script.append("(\n").append(c.line()).append("\n) <").append(in).append('\n');
            }
        }
        Path file = dir.resolve("script");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(shell, file.toString())
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", work.toString());
        pb.environment().put("LC_ALL", shell.endsWith("bash") ? "C.UTF-8" : "C");
        pb.environment().put("JINFRA_CANARY", canary.toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(shell + " did not finish the recorded lines within 120 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Recording(
                shell,
                parse(Files.readAllBytes(records), cases.size()),
                Files.readString(dir.resolve("stdout"), StandardCharsets.ISO_8859_1),
                Files.readString(dir.resolve("stderr"), StandardCharsets.ISO_8859_1),
                Files.exists(canary));
    }

    /** Case marks ({@code C<n>}) and invocations (a count, then that many arguments), each ended by a NUL. */
    private static List<List<List<byte[]>>> parse(byte[] bytes, int cases) {
        List<byte[]> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                tokens.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        List<List<List<byte[]>>> out = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            out.add(new ArrayList<>());
        }
        List<List<byte[]>> current = null;
        for (int t = 0; t < tokens.size(); t++) {
            String token = new String(tokens.get(t), StandardCharsets.ISO_8859_1);
            if (token.startsWith("C")) {
                current = out.get(Integer.parseInt(token.substring(1)));
                continue;
            }
            int n = Integer.parseInt(token);
            List<byte[]> args = new ArrayList<>(tokens.subList(t + 1, Math.min(tokens.size(), t + 1 + n)));
            t += n;
            if (current != null) {
                current.add(args);
            }
        }
        return out;
    }
}
