package dev.jinfra.engine;

/** The one state every targeted host ends a run in. */
public enum HostState {
    /** The work ran and succeeded (exit status 0). */
    SUCCEEDED,
    /** The work ran and failed: a non-zero exit status, or the connection was lost while it ran. */
    FAILED,
    /** The work ran longer than its timeout and was stopped. */
    TIMED_OUT,
    /** No session could be opened: refused, timed out, unknown or changed host key, authentication refused. */
    UNREACHABLE,
    /** The work was never started: the run stopped early (fail-fast, failure budget, Ctrl-C). */
    NOT_STARTED;

    /** The lower-case name used in JSON output and summaries. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public boolean isProblem() {
        return this != SUCCEEDED;
    }
}
