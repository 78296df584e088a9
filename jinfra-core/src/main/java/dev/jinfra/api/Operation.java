package dev.jinfra.api;

/**
 * One idempotent change: from its arguments and the facts it reads, the commands needed on a host, or the
 * reason none are. Plans do no I/O of their own, so an operation can be tested from facts alone.
 */
public interface Operation {
    /** A short description for output, e.g. {@code Run: systemctl daemon-reload}. */
    String describe();

    Plan plan(FactSource facts);

    /**
     * Where a change by this operation can land: facts about other paths stay known after it, so the next
     * operations need not read them again. Anywhere unless the operation says otherwise; an operation that names
     * paths must change nothing else on the host (besides the temporary files of its uploads, which the engine
     * adds).
     */
    default ChangeScope changes() {
        return ChangeScope.ANYWHERE;
    }

    /**
     * Checks what this operation reads on this machine (local files, templates rendered with the host's
     * variables), for every host before any host is changed, so that nothing broken reaches a host. Throws with a
     * message that names the file (and line) when something is wrong; checks nothing by default.
     */
    default void checkLocalInputs() {}
}
