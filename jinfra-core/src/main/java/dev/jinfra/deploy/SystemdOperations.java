package dev.jinfra.deploy;

import dev.jinfra.ops.service.SystemdDaemonReload;
import dev.jinfra.ops.service.SystemdService;

/**
 * The {@code systemd} operations, as deploy code calls them: {@code systemd.service("nginx")}. Other arguments
 * are given by name on the call returned ({@link OperationCall#arg}).
 */
public final class SystemdOperations {
    /**
     * A systemd unit is running or stopped, enabled or disabled, restarted or reloaded; only the needed systemctl calls
     * run.
     *
     * <p>{@code systemd.service}: a unit running and enabled; {@code .restarted(true)},
     * {@code .daemonReload(true)} and the others by name.
     *
     * @param unit the unit, e.g. nginx or nginx.service
     */
    public SystemdServiceCall service(String unit) {
        return PrepareContext.register(SystemdServiceCall::new)
                .unit(unit)
                .running(true)
                .enabled(true);
    }

    /**
     * A systemd unit is running or stopped, enabled or disabled, restarted or reloaded; only the needed systemctl calls
     * run.
     *
     * <p>{@code systemd.service} with every argument in the record's order.
     *
     * @param service e.g. {@code new SystemdService("nginx", true, true, false, true, false)}
     */
    public SystemdServiceCall service(SystemdService service) {
        return PrepareContext.register(service, SystemdServiceCall::new);
    }

    /**
     * systemd rereads its unit files (always runs).
     *
     * <p>{@code systemd.daemonReload}: systemd rereads its unit files.
     */
    public SystemdDaemonReloadCall daemonReload() {
        return PrepareContext.register(new SystemdDaemonReload(), SystemdDaemonReloadCall::new);
    }
}
