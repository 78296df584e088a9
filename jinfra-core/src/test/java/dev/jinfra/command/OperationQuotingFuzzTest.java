package dev.jinfra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.command.OperationArguments.Attempt;
import dev.jinfra.command.OperationArguments.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quoting fuzz test: 10,000 hostile strings (see {@link HostileStrings}), each put into one text argument of
 * one operation of the catalog, in turn, with fixture facts that make the operation act. Every command it and its
 * facts emit runs on real shells with its program replaced by a recorder, and each program must receive the words
 * sent, byte for byte, while no payload runs. Text that no command line can carry must be refused in words.
 */
class OperationQuotingFuzzTest {
    static final long SEED = Long.getLong("jinfra.fuzz.seed", 20_261_122L);
    private static final int COUNT = 10_000;
    private static final List<String> SHELLS = List.of("/bin/sh", "/bin/bash");
    // Arguments each string that cannot be sent is tried in: enough that every argument refuses some.
    private static final int UNSENDABLE_TRIES = 7;

    /** Attempts per argument: how many strings it took, refused, or took without sending them anywhere. */
    private static final class Tally {
        int passed;
        int refused;
        int unreached;
    }

    @Test
    void everyOperationArgumentReachesItsProgramByteForByteAndNothingRuns(@TempDir Path dir) {
        long start = System.nanoTime();
        List<String> strings = HostileStrings.generate(SEED, COUNT);
        OperationArguments.Found found = OperationArguments.find();
        List<Target> targets = found.targets();
        assertThat(targets.size() - found.unreached().size())
                .as("operation arguments that reach a command")
                .isGreaterThan(50);

        Map<Target, Tally> tally = new LinkedHashMap<>();
        targets.forEach(t -> tally.put(t, new Tally()));
        RecordedArguments expected = new RecordedArguments(SEED);
        Set<String> programs = new HashSet<>();
        int unsendable = 0;
        int direct = 0;
        int byPath = 0;
        int takenStrings = 0;
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            boolean sendable = isSendable(s);
            boolean taken = false;
            // Its own argument first, then the next ones, until one sends it; text that cannot be sent goes to a few,
            // and words of the shell's grammar to all.
            boolean everywhere = HostileStrings.GRAMMAR.contains(s);
            int tries = sendable ? targets.size() : UNSENDABLE_TRIES;
            for (int k = 0; k < tries && (everywhere || !taken); k++) {
                Target t = targets.get((i + k) % targets.size());
                Attempt a;
                try {
                    a = t.attempt(s);
                } catch (RuntimeException e) {
                    crashes.add("string " + i + " in " + t + ": " + e + " for " + RecordedArguments.show(s));
                    continue;
                }
                switch (a) {
                    case Attempt.Planned p -> {
                        assertThat(sendable)
                                .as("string %d (%s) reached a command in %s", i, RecordedArguments.show(s), t)
                                .isTrue();
                        tally.get(t).passed++;
                        taken = true;
                        for (Command c : p.commands()) {
                            String origin = "string " + i + " in " + t;
                            if (c.words() == null) {
                                // A script in a subshell: its positional parameters must be the arguments given,
                                // recorded by a script that records them in place of the script's own text.
                                Command recorded = Command.script(
                                        ShellRecorder.RECORD + " script \"$@\"",
                                        c.scriptArgs().toArray(String[]::new));
                                List<String> words = new ArrayList<>(List.of("script"));
                                words.addAll(c.scriptArgs());
                                expected.add(
                                        new ShellRecorder.Case(recorded.render(), null),
                                        new RecordedArguments.Expected(List.of(words), origin));
                                continue;
                            }
                            String program = c.words().getFirst();
                            String line = c.render();
                            if (ShellRecorder.canStandFor(program)) {
                                programs.add(program);
                            } else {
                                // A program by its path (a virtualenv's pip): its words are recorded as arguments.
                                line = ShellRecorder.RECORD + " " + line;
                                byPath++;
                            }
                            // An operation wraps a command only to set its environment (apt's DEBIAN_FRONTEND): sh
                            // then runs a script that runs the words.
                            expected.add(
                                    new ShellRecorder.Case(line, null),
                                    c.isPlainProgram()
                                            ? new RecordedArguments.Expected(List.of(c.words()), origin)
                                            : new RecordedArguments.Expected(
                                                    List.of(Arrays.asList("sh", "-c", null)),
                                                    origin,
                                                    List.of(c.words()),
                                                    // A database client's password travels on its input.
                                                    c.stdin(null)));
                        }
                    }
                    case Attempt.Refused r -> {
                        tally.get(t).refused++;
                        assertThat(r.error().getMessage())
                                .as("why %s refused string %d", t, i)
                                .isNotBlank();
                        if (!sendable) {
                            assertThat(r.error()).isInstanceOf(IllegalArgumentException.class);
                        }
                    }
                    case Attempt.Unreached u -> tally.get(t).unreached++;
                }
            }
            if (!sendable) {
                unsendable++;
                assertThatThrownBy(() -> Command.of("printf", "%s", s))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("cannot send text with");
            } else if (taken) {
                takenStrings++;
            } else {
                // No operation takes it (e.g. an empty string): it still goes through the builder to a shell.
                direct++;
                Command c = Command.of("printf", "%s", s);
                programs.add("printf");
                expected.add(
                        new ShellRecorder.Case(c.render(), null),
                        new RecordedArguments.Expected(List.of(c.words()), "string " + i + " on its own"));
            }
        }
        assertThat(crashes)
                .as("strings that crashed an operation instead of being refused in words")
                .isEmpty();
        long planned = System.nanoTime();
        programs.add("sh");
        for (String shell : SHELLS) {
            expected.checkOn(shell, dir, programs);
        }

        int passed = tally.values().stream().mapToInt(t -> t.passed).sum();
        int refused = tally.values().stream().mapToInt(t -> t.refused).sum();
        System.out.printf(
                "quoting fuzz (seed %d): %d strings; %d text arguments of %d operations, %d of them reach a command,"
                        + " these do not: %s; %d strings taken by an argument (%d times), %d on their own, %d refused as"
                        + " unsendable; %d refusals on the way; %d command lines (%d with a program by its path) on"
                        + " %s; planned in %d ms, shells took %d ms%n",
                SEED,
                strings.size(),
                targets.size(),
                targets.stream().map(Target::operation).distinct().count(),
                targets.size() - found.unreached().size(),
                found.unreached(),
                takenStrings,
                passed,
                direct,
                unsendable,
                refused,
                expected.size(),
                byPath,
                SHELLS,
                (planned - start) / 1_000_000,
                (System.nanoTime() - planned) / 1_000_000);
        tally.forEach((t, n) -> System.out.printf(
                "  %-40s passed %4d  refused %4d  unreached %4d%n", t, n.passed, n.refused, n.unreached));
        assertThat(takenStrings + direct + unsendable).isEqualTo(strings.size());
    }

    private static boolean isSendable(String s) {
        try {
            ShellQuote.requireSendable(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
