package dev.jinfra.deploy;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Connecting to a host again after it went away on purpose (a reboot), until it is back or time is up. */
final class Reconnection {
    private Reconnection() {}

    private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(1);

    static void reconnect(Host host, Reconnects how, Map<Host, Connection> connections, HostFacts facts,
                          Function<Host, Connector> connectors, BooleanSupplier cancelled) {
        Connection old = connections.get(host);
        if (old != null) {
            old.close();
        }
        long deadline = System.nanoTime() + how.reconnectDelay().plus(how.reconnectTimeout()).toNanos();
        pause(how.reconnectDelay());
        UnreachableException last = null;
        while (!cancelled.getAsBoolean()) {
            try {
                Connection fresh = connectors.apply(host).connect(host);
                connections.put(host, fresh);
                facts.reconnected(fresh);
                return;
            } catch (UnreachableException e) {
                last = e;
                // A changed host key or refused login will not mend itself by waiting.
                if (!e.reason().retryable()) {
                    throw new IllegalStateException("after the reboot: " + e.getMessage(), e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            pause(Duration.ofNanos(Math.min(left, BETWEEN_ATTEMPTS.toNanos())));
        }
        if (cancelled.getAsBoolean()) {
            throw new IllegalStateException("interrupted while waiting for the host to come back");
        }
        throw new IllegalStateException("did not come back within " + how.reconnectTimeout().toSeconds() + " s"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the host to come back", e);
        }
    }
}
