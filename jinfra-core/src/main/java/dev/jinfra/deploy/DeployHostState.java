package dev.jinfra.deploy;

/** The one state each host ends a deploy in. */
public enum DeployHostState {
    /** At least one operation changed the host, and none failed. */
    CHANGED,
    /** Every operation found the host already as wanted. */
    UNCHANGED,
    /** An operation (or the deploy code itself) failed; later operations were skipped. */
    FAILED,
    /** No session could be opened. */
    UNREACHABLE,
    /** Never started: the run stopped before reaching it. */
    SKIPPED
}
