package dev.jinfra.engine.deploy;

/** What one operation did on one host. */
public enum OperationStatus {
    /** Commands ran and succeeded (or, in a dry run, would run). */
    CHANGED,
    /** The host was already in the wanted state. */
    UNCHANGED,
    FAILED,
    /**
     * Not run on this host, and not meant to: it failed or was unreachable earlier, its condition did not hold,
     * or the operation runs once, elsewhere.
     */
    SKIPPED,
    /** Not run because the run stopped first (fail-fast, failure budget, Ctrl-C, not confirmed). */
    NOT_RUN,
    /**
     * Dry runs only: the operation could not be planned because an earlier operation on the host would change
     * something it depends on (a line in a file the deploy creates first). Not a failure: a real run plans it
     * at its turn, after that change.
     */
    UNKNOWN
}
