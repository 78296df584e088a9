package dev.jinfra.cli;

import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;

/**
 * jinfra's exit codes. When several apply, the first in this order wins: interrupted, failed, unreachable.
 * A host that timed out counts as failed; hosts not started because of fail-fast come with the failure that
 * stopped the run.
 */
public final class ExitCode {
    private ExitCode() {}

    /** Every targeted host succeeded. */
    public static final int OK = 0;
    /** At least one host ran the work and failed or timed out. */
    public static final int HOSTS_FAILED = 1;
    /** Bad command line, inventory or settings: nothing was run. */
    public static final int USAGE = 2;
    /** At least one host was unreachable; every host that was reached succeeded. */
    public static final int HOSTS_UNREACHABLE = 3;
    /**
     * The deploy's local inputs have problems (a template that does not render, a local file missing): found after
     * the prepare phase, before the first change, so no host was changed.
     */
    public static final int PREFLIGHT_FAILED = 4;
    /** Stopped with Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;
    /** A bug in jinfra; run with --debug for the stack trace. */
    public static final int INTERNAL = 70;

    public static int of(RunSummary summary) {
        if (summary.interrupted()) {
            return INTERRUPTED;
        }
        if (summary.count(HostState.FAILED) + summary.count(HostState.TIMED_OUT) > 0) {
            return HOSTS_FAILED;
        }
        if (summary.count(HostState.UNREACHABLE) > 0) {
            return HOSTS_UNREACHABLE;
        }
        // Hosts not started without any failure can only come from an interruption, handled above.
        return summary.count(HostState.NOT_STARTED) > 0 ? HOSTS_FAILED : OK;
    }
}
