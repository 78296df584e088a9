package dev.jinfra.engine;

import dev.jinfra.inventory.Host;
import java.time.Duration;

/**
 * How one host ended.
 *
 * @param exitCode the command's exit status, or -1 when it has none (unreachable, timed out, not started)
 * @param error jinfra's own explanation when the state is not {@link HostState#SUCCEEDED} and the command's
 *     output does not say it all (why a host was unreachable, that it timed out, why it was not started);
 *     null otherwise
 */
public record HostResult(
        Host host, HostState state, int exitCode, String stdout, String stderr, String error, Duration duration) {

    public static HostResult notStarted(Host host, String why) {
        return new HostResult(host, HostState.NOT_STARTED, -1, "", "", why, Duration.ZERO);
    }

    public static HostResult unreachable(Host host, String why, Duration took) {
        return new HostResult(host, HostState.UNREACHABLE, -1, "", "", why, took);
    }
}
