package dev.jinfra.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What the quoting fuzz tests expect each recorded line to have received, and the check of a {@link
 * ShellRecorder.Recording} against it: each line one invocation per expected one, every argument's bytes equal to
 * the UTF-8 of the word sent, no canary, no marker, nothing on standard error.
 */
final class RecordedArguments {
    /**
     * The invocations a line must make, and what it was made from, for the failure message. An argument given as
     * null is a script that sh, sudo, su or doas was given to run: it may be anything in the first round, and runs in
     * a second one, with {@code innerStdin} (may be null) on its standard input, where it must make the invocations
     * {@code inner}.
     */
    record Expected(List<List<String>> invocations, String origin, List<List<String>> inner, byte[] innerStdin) {
        Expected(List<List<String>> invocations, String origin) {
            this(invocations, origin, null, null);
        }
    }

    private final long seed;
    private final List<ShellRecorder.Case> cases = new ArrayList<>();
    private final List<Expected> expected = new ArrayList<>();

    RecordedArguments(long seed) {
        this.seed = seed;
    }

    void add(ShellRecorder.Case c, Expected e) {
        cases.add(c);
        expected.add(e);
    }

    List<ShellRecorder.Case> cases() {
        return cases;
    }

    int size() {
        return cases.size();
    }

    /**
     * Runs the lines with {@code shell} and checks what their programs received; then runs the scripts given to sh,
     * sudo, su or doas, and checks what their programs received in turn.
     */
    void checkOn(String shell, Path dir, Collection<String> programs) {
        ShellRecorder.Recording first = ShellRecorder.run(shell, dir, programs, cases);
        check(first);
        RecordedArguments second = new RecordedArguments(seed);
        for (int i = 0; i < cases.size(); i++) {
            Expected e = expected.get(i);
            if (e.inner() != null) {
                int at = e.invocations().getFirst().indexOf(null);
                byte[] script = first.invocations().get(i).getFirst().get(at);
                second.add(
                        new ShellRecorder.Case(new String(script, StandardCharsets.UTF_8), e.innerStdin()),
                        new Expected(e.inner(), e.origin() + ", the script it runs"));
            }
        }
        if (second.size() > 0) {
            second.check(ShellRecorder.run(shell, dir, programs, second.cases()));
        }
    }

    /** Fails with the first few lines whose programs did not receive what was sent, and with any payload that ran. */
    void check(ShellRecorder.Recording r) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size() && wrong.size() < 5; i++) {
            String why = mismatch(expected.get(i).invocations(), r.invocations().get(i));
            if (why != null) {
                wrong.add(expected.get(i).origin() + ": " + why + "\n    line: "
                        + show(cases.get(i).line()));
            }
        }
        // Every kind of failure together: a quoting bug often shows as several (wrong bytes and a payload run).
        if (r.canary()) {
            wrong.add("a payload ran: it wrote the canary file");
        }
        if (r.stdout().contains(HostileStrings.MARKER)) {
            wrong.add("a payload ran: it printed the marker");
        }
        if (!r.stderr().isEmpty()) {
            wrong.add("standard error: " + show(r.stderr()));
        }
        assertThat(wrong)
                .as(
                        "what programs under %s received, and what ran (seed %d, -Djinfra.fuzz.seed=%d replays it)",
                        r.shell(), seed, seed)
                .isEmpty();
    }

    private static String mismatch(List<List<String>> want, List<List<byte[]>> got) {
        if (got.size() != want.size()) {
            return want.size() + " invocation(s) expected, " + got.size() + " recorded: " + shownBytes(got);
        }
        for (int i = 0; i < want.size(); i++) {
            List<String> w = want.get(i);
            List<byte[]> g = got.get(i);
            boolean same = w.size() == g.size();
            for (int k = 0; same && k < w.size(); k++) {
                same = w.get(k) == null || Arrays.equals(w.get(k).getBytes(StandardCharsets.UTF_8), g.get(k));
            }
            if (!same) {
                return "sent "
                        + w.stream().map(x -> x == null ? "(any)" : show(x)).toList() + ", received "
                        + shownBytes(List.of(g));
            }
        }
        return null;
    }

    private static String shownBytes(List<List<byte[]>> invocations) {
        return invocations.stream()
                .map(args -> args.stream()
                        .map(b -> show(new String(b, StandardCharsets.UTF_8)))
                        .toList()
                        .toString())
                .toList()
                .toString();
    }

    /** Text for a message: control characters as escapes, at most 300 characters. */
    static String show(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 300; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 300 ? sb + "...(" + text.length() + " characters)" : sb.toString();
    }
}
