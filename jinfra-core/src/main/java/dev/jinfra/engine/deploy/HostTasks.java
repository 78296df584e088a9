package dev.jinfra.engine.deploy;

import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Work for each of a list of hosts, each on its own virtual thread, a gate's worth at a time. */
final class HostTasks {
    private HostTasks() {}

    @FunctionalInterface
    interface HostTask {
        void run(Host host);
    }

    /** Runs {@code task} for each host on its own virtual thread, at most as many at once as {@code gate} allows. */
    static void eachHost(ExecutorService threads, Semaphore gate, List<Host> hosts, HostTask task) {
        List<Future<?>> started = new ArrayList<>();
        for (Host h : hosts) {
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Callable<Void> work = () -> {
                try {
                    task.run(h);
                } finally {
                    gate.release();
                }
                return null;
            };
            started.add(threads.submit(work));
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("host task failed", e.getCause());
            }
        }
    }
}
