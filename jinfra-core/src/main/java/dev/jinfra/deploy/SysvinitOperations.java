package dev.jinfra.deploy;

import dev.jinfra.ops.service.SysvService;

/**
 * The {@code sysvinit} operations, as deploy code calls them: {@code sysvinit.service("cron")}. Other arguments
 * are given by name on the call returned ({@link OperationCall#arg}).
 */
public final class SysvinitOperations {
    /**
     * A sysvinit service is running or stopped, restarted or reloaded, enabled or disabled (update-rc.d).
     *
     * <p>{@code sysvinit.service}: running and enabled; {@code .restarted(true)} and the others by name.
     *
     * @param name the service (init script) name, e.g. nginx
     */
    public SysvinitServiceCall service(String name) {
        return PrepareContext.register(SysvinitServiceCall::new)
                .nameArgument(name)
                .running(true)
                .enabled(true);
    }

    /**
     * A sysvinit service is running or stopped, restarted or reloaded, enabled or disabled (update-rc.d).
     *
     * <p>{@code sysvinit.service} with every argument in the record's order.
     *
     * @param service e.g. {@code new SysvService("cron", true, true, false, true)}
     */
    public SysvinitServiceCall service(SysvService service) {
        return PrepareContext.register(service, SysvinitServiceCall::new);
    }
}
