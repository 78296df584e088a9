package dev.jinfra.ops.service;

/** The one start/stop/restart/reload action a service needs, shared by systemd, sysvinit, OpenRC and Upstart. */
final class Transitions {
    private Transitions() {}

    /**
     * @param isRunning whether the service runs now
     * @param running   the wanted state, or null for "as it is"
     * @return start, stop, restart, reload, or null when nothing is needed
     */
    static String action(boolean isRunning, Boolean running, boolean restarted, boolean reloaded) {
        if (Boolean.TRUE.equals(running) && !isRunning) {
            // A fresh start already loads the new configuration: no restart or reload on top.
            return "start";
        }
        if (Boolean.FALSE.equals(running)) {
            return isRunning ? "stop" : null;
        }
        if (restarted) {
            // restart also starts a stopped service; with running not given that is what was asked.
            return "restart";
        }
        // Reloading a stopped service fails, and there is nothing loaded to refresh.
        return reloaded && isRunning ? "reload" : null;
    }

    /**
     * Why no action was needed, for a plan's no-change reason: only a reload of a stopped service gets here with
     * {@code running} not given.
     */
    static String asWanted(Boolean running) {
        return running == null ? "stopped (nothing to reload)" : running ? "running" : "stopped";
    }
}
