package dev.jinfra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other text {@link Command} puts on a command line besides an operation's words, fuzzed with the hostile
 * strings: environment values (on standard input, as deploys send them, and as exports), the working directory, and
 * the user of sudo (with and without a password), su and doas. Two rounds on real shells: the first records what
 * sudo, su, doas or sh receive, the second runs the script they were given, again with its programs recorded, and
 * with the standard input the command comes with. Environment names and interpreters that are not plain are
 * refused.
 */
class WrapperQuotingFuzzTest {
    private static final List<String> SHELLS = List.of("/bin/sh", "/bin/bash");
    private static final Set<String> WRAPPERS = Set.of("sudo", "su", "doas", "sh", "bash", "cd");
    private static final String OWN_INPUT = "the command's own input\nmore\n";
    // Every twentieth hostile string: five hundred, each in a value, a directory and a user.
    private static final int EVERY = 20;

    /** One wrapped command: what it was built from and what its programs must receive in each round. */
    private record Wrapped(int string, Command command, byte[] stdin, List<String> outer, List<List<String>> inner) {}

    @Test
    void environmentDirectoryAndUsersArriveByteForByteAndNothingRuns(@TempDir Path dir) {
        List<String> strings = HostileStrings.generate(OperationQuotingFuzzTest.SEED, 10_000);
        List<Wrapped> wrapped = new ArrayList<>();
        for (int i = 0; i < strings.size(); i += EVERY) {
            String s = strings.get(i);
            if (!sendable(s)) {
                continue;
            }
            for (int variant = 0; variant < 5; variant++) {
                Wrapped w = wrap(i, s, variant);
                if (w != null) {
                    wrapped.add(w);
                }
            }
        }
        assertThat(wrapped).hasSizeGreaterThan(1500);

        RecordedArguments expected = new RecordedArguments(OperationQuotingFuzzTest.SEED);
        for (Wrapped w : wrapped) {
            expected.add(
                    new ShellRecorder.Case(w.command().render(), null),
                    new RecordedArguments.Expected(List.of(w.outer()), "string " + w.string(), w.inner(), w.stdin()));
        }
        for (String shell : SHELLS) {
            expected.checkOn(shell, dir, WRAPPERS);
        }
    }

    /**
     * Variant 0: the value on standard input in a directory; 1: the value exported; 2 and 3: sudo as the user,
     * with and without a password; 4: su or doas as the user. Null when the user is refused, as it must be.
     */
    private static Wrapped wrap(int i, String s, int variant) {
        Command probe = Command.of(ShellRecorder.ENV_PROBE, "JINFRA_A", "JINFRA_B");
        List<String> probed = List.of(ShellRecorder.ENV_PROBE, s, "b", "the command's own input");
        byte[] own = OWN_INPUT.getBytes(StandardCharsets.UTF_8);
        switch (variant) {
            case 0 -> {
                Command c = probe.env("JINFRA_A", s)
                        .env("JINFRA_B", "b")
                        .envOnStdin()
                        .chdir(s);
                return new Wrapped(i, c, c.stdin(own), words("sh", "-c", null), List.of(List.of("cd", s), probed));
            }
            case 1 -> {
                Command c = probe.env("JINFRA_A", s).env("JINFRA_B", "b").interpreter("bash");
                return new Wrapped(i, c, own, words("bash", "-c", null), List.of(probed));
            }
            default -> {
                if (s.isEmpty() || s.startsWith("-")) {
                    assertThatThrownBy(() -> probe.sudo(s))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("not a user to run commands as");
                    assertThatThrownBy(() -> probe.su(s)).isInstanceOf(IllegalArgumentException.class);
                    assertThatThrownBy(() -> probe.doas(s)).isInstanceOf(IllegalArgumentException.class);
                    return null;
                }
                Command env =
                        probe.env("JINFRA_A", "a\\n'$(x)").env("JINFRA_B", "b").envOnStdin();
                List<List<String>> inner =
                        List.of(List.of(ShellRecorder.ENV_PROBE, "a\\n'$(x)", "b", "the command's own input"));
                return switch (variant) {
                    case 2 -> {
                        Command c = env.sudo(s, true);
                        yield new Wrapped(
                                i,
                                c,
                                Command.sudoStdin("pass word", c.stdin(own)),
                                words("sudo", "-H", "-S", "-p", "", "-u", s, "--", "sh", "-c", null),
                                inner);
                    }
                    case 3 -> {
                        Command c = env.sudo(s);
                        yield new Wrapped(
                                i, c, c.stdin(own), words("sudo", "-H", "-n", "-u", s, "--", "sh", "-c", null), inner);
                    }
                    default -> {
                        Command c = i % 2 == 0 ? env.su(s) : env.doas(s);
                        List<String> outer = i % 2 == 0
                                ? words("su", "-s", "/bin/sh", "-c", null, s)
                                : words("doas", "-n", "-u", s, "sh", "-c", null);
                        yield new Wrapped(i, c, c.stdin(own), outer, inner);
                    }
                };
            }
        }
    }

    @Test
    void environmentNamesAndInterpretersThatAreNotPlainAreRefused() {
        Pattern name = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        Pattern program = Pattern.compile("[A-Za-z0-9_./-]+");
        int refused = 0;
        for (String s : HostileStrings.generate(OperationQuotingFuzzTest.SEED, 10_000)) {
            if (!name.matcher(s).matches()) {
                assertThatThrownBy(() -> Command.of("true").env(s, "x"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("not a valid environment variable name");
                refused++;
            }
            if (!program.matcher(s).matches()) {
                assertThatThrownBy(() -> Command.of("true").interpreter(s))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("not a shell program");
            }
        }
        assertThat(refused).isGreaterThan(9_000);
    }

    /** Words of which a null one may be anything: the script that the second round runs. */
    private static List<String> words(String... words) {
        return Arrays.asList(words);
    }

    private static boolean sendable(String s) {
        try {
            ShellQuote.requireSendable(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
