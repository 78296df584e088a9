package dev.jinfra.cli;

import sun.misc.Signal;

/**
 * Turns the first SIGINT into a clean stop of the current run (the run still reports), and the second into an
 * immediate exit. Uses {@code sun.misc.Signal} because a shutdown hook runs too late: by then the JVM is
 * already exiting and the report could not be printed in order.
 */
final class InterruptHandler {
    private static volatile Runnable onFirst;
    private static volatile boolean installed;
    private static volatile boolean interruptedOnce;

    private InterruptHandler() {}

    static synchronized void install(Runnable firstInterrupt) {
        onFirst = firstInterrupt;
        interruptedOnce = false;
        if (!installed) {
            try {
                Signal.handle(new Signal("INT"), sig -> handle());
                installed = true;
            } catch (IllegalArgumentException e) {
                // No SIGINT on this platform or it is reserved by the VM: Ctrl-C then ends the process at once.
            }
        }
    }

    static synchronized void uninstall() {
        onFirst = null;
    }

    private static void handle() {
        Runnable r = onFirst;
        if (r == null || interruptedOnce) {
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }
        interruptedOnce = true;
        r.run();
    }
}
