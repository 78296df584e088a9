package dev.jinfra.deploy;

import dev.jinfra.ops.service.BsdinitService;

/**
 * The {@code bsdinit} operations, as deploy code calls them: {@code bsdinit.service("nginx")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class BsdinitOperations {
    /**
     * A FreeBSD rc.d service is running or stopped, restarted or reloaded (service NAME onestart, onestop, ...), and
     * enabled in rc.conf or not (sysrc NAME_enable).
     *
     * <p>{@code bsdinit.service}: running and enabled in rc.conf; {@code .restarted(true)} and the others by name.
     *
     * @param name the service, e.g. nginx
     */
    public BsdinitServiceCall service(String name) {
        return PrepareContext.register(BsdinitServiceCall::new)
                .nameArgument(name)
                .running(true)
                .enabled(true);
    }

    /**
     * A FreeBSD rc.d service is running or stopped, restarted or reloaded (service NAME onestart, onestop, ...), and
     * enabled in rc.conf or not (sysrc NAME_enable).
     *
     * <p>{@code bsdinit.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public BsdinitServiceCall service(BsdinitService service) {
        return PrepareContext.register(service, BsdinitServiceCall::new);
    }
}
