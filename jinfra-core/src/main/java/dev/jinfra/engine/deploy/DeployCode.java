package dev.jinfra.engine.deploy;

import dev.jinfra.api.FactSource;
import dev.jinfra.deploy.CallSites;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.engine.RunControl;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.RunHosts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a host's deploy code (the prepare phase) so that whatever it does stays with that host: any Throwable,
 * StackOverflowError and OutOfMemoryError included, fails the host with the deploy file and line; code that runs
 * longer than the prepare timeout fails the host with the line it was at; and Ctrl-C stops waiting at once. Java
 * cannot stop a thread that ignores interruption, so code in an endless loop is left running while the run goes
 * on without it. That is why deploy code runs on a platform thread of its own: a virtual thread that never blocks
 * keeps its carrier, and two such loops on a two-core machine would leave no carrier for the rest of the run.
 */
final class DeployCode {
    private DeployCode() {}

    /** Why a host's deploy code did not give its operations; the message is for users. */
    static final class Failed extends RuntimeException {
        final boolean interrupted;

        Failed(String message, boolean interrupted) {
            super(message);
            this.interrupted = interrupted;
        }
    }

    static List<PrepareContext.Registered> prepare(
            Host host, RunHosts run, List<Deploy> deploys, FactSource facts, Duration timeout, RunControl control) {
        var result = new CompletableFuture<List<PrepareContext.Registered>>();
        Thread worker = Thread.ofPlatform()
                .daemon()
                .name("prepare-" + host.name())
                .start(() -> {
                    try {
                        result.complete(PrepareContext.prepare(host, run, deploys, facts));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return result.get(
                        Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new Failed("deploy code failed: " + describe(e.getCause()), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.interrupt();
                throw new Failed("interrupted", true);
            } catch (TimeoutException e) {
                if (control.isCancelled()) {
                    worker.interrupt();
                    throw new Failed("interrupted", true);
                }
                if (System.nanoTime() >= deadline) {
                    String where = CallSites.firstUserFrame(worker.getStackTrace());
                    worker.interrupt();
                    throw new Failed(
                            "deploy code did not finish within " + timeout.toSeconds() + " s (--prepare-timeout)"
                                    + (where == null ? "" : "; it was at " + where),
                            false);
                }
            }
        }
    }

    /** A Throwable from deploy code in words, with where in the deploy it happened. */
    static String describe(Throwable e) {
        String what = e instanceof OutOfMemoryError && e.getMessage() != null
                ? "out of memory (" + e.getMessage() + ")"
                : dev.jinfra.problem.Problems.inWords(e);
        String where = CallSites.firstUserFrame(e);
        return where == null ? what : where + ": " + what;
    }
}
