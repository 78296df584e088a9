package dev.jinfra.deploy;

import dev.jinfra.ops.service.BsdinitService;

/**
 * The {@code bsdinit} operations, as deploy code calls them: {@code bsdinit.service("nginx")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class BsdinitOperations {
    /**
     * {@code bsdinit.service}: running and enabled in rc.conf; {@code .arg("restarted", true)} and the others by name.
     *
     * @param name the service, e.g. nginx
     */
    public OperationCall service(String name) {
        return PrepareContext.register(BsdinitService.class)
                .arg("name", name)
                .arg("running", true)
                .arg("enabled", true);
    }

    /**
     * {@code bsdinit.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public OperationCall service(BsdinitService service) {
        return PrepareContext.register(service);
    }
}
