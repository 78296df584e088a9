package dev.jinfra.deploy;

import dev.jinfra.ops.service.SystemdDaemonReload;
import dev.jinfra.ops.service.SystemdService;

/** The {@code systemd} operations, as deploy code calls them: {@code systemd.service("nginx")}. */
public final class SystemdOperations {
    /** {@code systemd.service}: a unit running and enabled. */
    public OperationCall service(String unit) {
        return service(new SystemdService(unit, true, false, false, true, false));
    }

    /** {@code systemd.service}, every argument given. */
    public OperationCall service(SystemdService unit) {
        return PrepareContext.register(unit);
    }

    /** {@code systemd.daemonReload}: systemd rereads its unit files. */
    public OperationCall daemonReload() {
        return PrepareContext.register(new SystemdDaemonReload());
    }
}
