package dev.jinfra.deploy;

import dev.jinfra.ops.service.SysvService;

/** The {@code sysvinit} operations, as deploy code calls them: {@code sysvinit.service("cron")}. */
public final class SysvinitOperations {
    /** {@code sysvinit.service}: running and enabled. */
    public OperationCall service(String name) {
        return service(new SysvService(name, true, false, false, true));
    }

    /** {@code sysvinit.service}, every argument given. */
    public OperationCall service(SysvService service) {
        return PrepareContext.register(service);
    }
}
