package dev.jinfra.engine.deploy;

import dev.jinfra.api.Reconnects;
import dev.jinfra.command.Command;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.engine.SessionWindow;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Connecting to a host again after it went away on purpose (a reboot), until it is back or time is up. */
final class Reconnection {
    private Reconnection() {}

    private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(1);
    // Reading a small file: a host that takes longer is on its way down.
    private static final Duration BOOT_ID_READ = Duration.ofSeconds(10);

    static void reconnect(Host host, Reconnects how, SessionWindow window, HostFacts facts, BooleanSupplier cancelled) {
        Connection old = window.current(host);
        String bootIdFile = how.bootIdFile();
        String before = null;
        if (old != null) {
            // Read at once: the reboot starts a second after its command returned. A connection that still runs
            // commands is on the old boot, so whatever this reads is the boot from before. When it cannot be read
            // the host is already going down, and the first login counts, as it would without a boot id.
            before = bootIdFile == null ? null : bootId(old, bootIdFile);
            old.close();
        }
        long deadline = System.nanoTime()
                + how.reconnectDelay().plus(how.reconnectTimeout()).toNanos();
        pause(how.reconnectDelay());
        UnreachableException last = null;
        boolean sameBoot = false;
        while (!cancelled.getAsBoolean()) {
            try {
                Connection fresh = window.connectorFor(host).connect(host);
                String now = before == null ? null : bootId(fresh, bootIdFile);
                if (before == null || now != null && !now.equals(before)) {
                    window.replace(host, fresh);
                    facts.reconnected(fresh);
                    return;
                }
                // Still the boot from before (a slow shutdown takes logins for a while), or one whose boot id
                // cannot be read yet: not back.
                fresh.close();
                sameBoot = now != null;
            } catch (UnreachableException e) {
                last = e;
                sameBoot = false;
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
        if (sameBoot) {
            throw new IllegalStateException("did not reboot within "
                    + how.reconnectTimeout().toSeconds() + " s: it still takes " + "logins, but " + bootIdFile
                    + " reads as before the reboot, so the host is still on the boot from before");
        }
        throw new IllegalStateException("did not come back within "
                + how.reconnectTimeout().toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    /** The boot id the file holds, or null when it cannot be read over this connection. */
    private static String bootId(Connection connection, String file) {
        CommandResult r = connection.run(
                new CommandRequest(Command.of("cat", "--", file).render(), null, BOOT_ID_READ), OutputListener.NONE);
        String id = r.succeeded() ? r.stdout().strip() : "";
        return id.isEmpty() ? null : id;
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
