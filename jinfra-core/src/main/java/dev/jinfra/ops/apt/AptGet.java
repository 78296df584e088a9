package dev.jinfra.ops.apt;

import dev.jinfra.command.Command;
import dev.jinfra.command.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * apt-get as jinfra runs it: nobody is there to answer, so it must never ask, and it must not fail just
 * because apt is busy elsewhere for a moment.
 */
final class AptGet {
    private AptGet() {}

    /**
     * Seconds apt waits for another apt or dpkg to let go of the lock (apt 1.9.11 and later; older ones ignore
     * the option). A fresh VM runs unattended-upgrades right after boot, which holds it for a minute or two.
     */
    static final int LOCK_TIMEOUT_SECONDS = 120;

    /** The lock wait alone: all that {@code apt-get update} needs. */
    static final List<String> LOCK_WAIT = List.of("-o", "DPkg::Lock::Timeout=" + LOCK_TIMEOUT_SECONDS);

    /**
     * For dpkg itself, when a package brings a configuration file that was changed on the host: keep the
     * host's (confold) unless it was never changed, then take the package's default (confdef). Without these
     * dpkg asks, reads end of file from the closed stdin and fails the install.
     */
    static final List<String> CONFFILES = List.of("--force-confdef", "--force-confold");

    /** {@code apt-get} with the lock wait, the conffile answers, and {@code DEBIAN_FRONTEND=noninteractive}. */
    static Command command(List<String> args) {
        // The variable goes through the command's environment; debconf then never stops to ask a question.
        return Command.of(words(args)).env("DEBIAN_FRONTEND", "noninteractive");
    }

    private static List<String> words(List<String> args) {
        List<String> words = new ArrayList<>(List.of("apt-get"));
        words.addAll(LOCK_WAIT);
        for (String option : CONFFILES) {
            words.addAll(List.of("-o", "Dpkg::Options::=" + option));
        }
        words.addAll(args);
        return words;
    }

    /** {@code apt-get} and its options as shell words, for scripts that run it among other commands. */
    static String shellWords() {
        return words(List.of()).stream().map(ShellQuote::quote).collect(java.util.stream.Collectors.joining(" "));
    }
}
