package dev.jinfra.deploy;

import dev.jinfra.ops.service.ServerService;
import dev.jinfra.ops.service.SystemdDaemonReload;
import dev.jinfra.ops.service.SystemdService;
import dev.jinfra.ops.service.SysvService;

/** The service operations, as deploy code sees them: systemd or sysvinit chosen per host, or named outright. */
public final class ServiceOperations {
    /** Running and enabled at boot, under whichever init system the host has. */
    public OperationCall running(String name) {
        return service(new ServerService(name, true, false, false, true));
    }

    /** Stopped and not started at boot. */
    public OperationCall stopped(String name) {
        return service(new ServerService(name, false, false, false, false));
    }

    /** Restarted (started when it was stopped), e.g. after its configuration changed. */
    public OperationCall restarted(String name) {
        return service(new ServerService(name, null, true, false, null));
    }

    /** Its configuration reloaded when it runs. */
    public OperationCall reloaded(String name) {
        return service(new ServerService(name, null, false, true, null));
    }

    /** A service described in full, e.g. {@code new ServerService("nginx", true, false, true, null)}. */
    public OperationCall service(ServerService service) {
        return PrepareContext.register(service);
    }

    /** A systemd unit running and enabled. */
    public OperationCall systemd(String unit) {
        return systemd(new SystemdService(unit, true, false, false, true, false));
    }

    public OperationCall systemd(SystemdService unit) {
        return PrepareContext.register(unit);
    }

    public OperationCall daemonReload() {
        return PrepareContext.register(new SystemdDaemonReload());
    }

    /** A sysvinit service running and enabled. */
    public OperationCall sysvinit(String name) {
        return sysvinit(new SysvService(name, true, false, false, true));
    }

    public OperationCall sysvinit(SysvService service) {
        return PrepareContext.register(service);
    }
}
