package dev.jinfra.engine.deploy;

/** The one state each host ends a deploy in. */
public enum DeployHostState {
    /** Every operation ran; at least one changed the host, and none failed. */
    CHANGED,
    /** Every operation ran and found the host already as wanted. */
    UNCHANGED,
    /** An operation (or the deploy code itself) failed; later operations were skipped. */
    FAILED,
    /** No session could be opened. */
    UNREACHABLE,
    /** Never started: the run stopped before reaching it (fail-fast, failure budget, Ctrl-C, not confirmed). */
    NOT_STARTED,
    /**
     * Started, but the run stopped before some of its operations ran (fail-fast, failure budget, Ctrl-C): not
     * at its end state, so it is to be run again like a failed host.
     */
    INCOMPLETE;

    /** The name used in JSON output, summaries and the retry file: {@code not_started}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the host reached the end of the deploy. */
    public boolean succeeded() {
        return this == CHANGED || this == UNCHANGED;
    }
}
