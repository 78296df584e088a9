package dev.jinfra.api;

import dev.jinfra.command.Command;

/**
 * Something jinfra reads from a host: a command, a parser for what it prints, and the value when the thing
 * is absent. Facts are small records; two equal records are the same fact, read once per host and cached.
 *
 * @param <T> the parsed value
 */
public interface Fact<T> {
    /** The command that reads the fact. It must change nothing on the host. */
    Command command();

    /** The value from the command's standard output when it exited 0. */
    T parse(String stdout);

    /** The value when the command exits non-zero (the file, package or program is not there). */
    T absent();

    /**
     * Whether the command's output is the value after this exit code; otherwise the value is {@link #absent()}.
     * Only 0 for most facts; grep's 1 ("no line matched") is a value, not absence.
     */
    default boolean hasValue(int exitCode) {
        return exitCode == 0;
    }

    /**
     * Whether the value is a file's content. Run output (verbose lines, JSON events) then says only that it
     * was read: configuration files hold passwords and keys, and logs must not.
     */
    default boolean valueIsContent() {
        return false;
    }

    /**
     * The absolute path whose entry, and what lies beneath it, alone decide the value; null (the default) when the
     * value may depend on anything on the host. A fact confined to a path stays known after changes elsewhere
     * (see {@link ChangeScope}).
     */
    default String confinedTo() {
        return null;
    }

    /**
     * A path without which the value is {@link #absent()}: when nothing is there, not even a dangling link, the
     * command would only fail the way it fails for a missing file. A read of several facts then tests the path in
     * its own shell and starts no program for this fact, which on a host that is being set up for the first time
     * is most of them. Null (the default) when absence of a path does not decide the value.
     */
    default String absentWithout() {
        return null;
    }
}
