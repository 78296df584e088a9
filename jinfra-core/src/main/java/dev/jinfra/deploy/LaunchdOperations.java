package dev.jinfra.deploy;

import dev.jinfra.ops.service.LaunchdService;

/**
 * The {@code launchd} operations, as deploy code calls them: {@code launchd.service("com.example.agent")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class LaunchdOperations {
    /**
     * A launchd job (macOS) that is loaded is running or stopped, or restarted (launchctl start/stop). A job launchd
     * has not loaded is an error.
     *
     * <p>{@code launchd.service}: running; {@code .restarted(true)} and the others by name.
     *
     * @param name the job's label
     */
    public LaunchdServiceCall service(String name) {
        return PrepareContext.register(LaunchdServiceCall::new)
                .nameArgument(name)
                .running(true);
    }

    /**
     * A launchd job (macOS) that is loaded is running or stopped, or restarted (launchctl start/stop). A job launchd
     * has not loaded is an error.
     *
     * <p>{@code launchd.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public LaunchdServiceCall service(LaunchdService service) {
        return PrepareContext.register(service, LaunchdServiceCall::new);
    }
}
