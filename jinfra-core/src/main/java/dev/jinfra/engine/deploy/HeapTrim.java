package dev.jinfra.engine.deploy;

/**
 * Collects the whole heap between two operations of a deploy when it has grown well past what the last full
 * collection kept. Objects that live for one operation across all hosts (seconds) outlast several young
 * collections and die in the old generation, and the serial collector grows the heap toward its maximum (a
 * quarter of the machine's memory) rather than collect it: a 20-operation deploy on 500 hosts peaked at
 * 1.6 GB resident with about 100 MB live. Between two operations that garbage is dead, so a full collection
 * there is short and keeps the heap, and the resident size, near what is live.
 */
public final class HeapTrim {
    /** Below this much heap in use nothing is done: small runs never pay for a full collection. */
    public static final long FLOOR_BYTES = 256L << 20;

    private static long keptByLast;

    private HeapTrim() {}

    /** Called when an operation has finished on every host. */
    static synchronized void afterOperation() {
        Runtime rt = Runtime.getRuntime();
        if (due(rt.totalMemory() - rt.freeMemory(), keptByLast)) {
            System.gc();
            keptByLast = rt.totalMemory() - rt.freeMemory();
        }
    }

    /** Whether a heap with this much in use is worth a full collection, given what the last one kept. */
    public static boolean due(long usedBytes, long keptByLastBytes) {
        return usedBytes > Math.max(FLOOR_BYTES, 2 * keptByLastBytes);
    }
}
