package dev.jinfra.deploy;

/**
 * How one operation runs across its hosts; the same on every host.
 *
 * @param kind all hosts at once, one at a time, only the first host, or in batches
 * @param batch hosts at a time for {@link Kind#BATCHES}
 */
public record ExecutionShape(Kind kind, int batch) {
    public enum Kind {
        ALL,
        SERIAL,
        RUN_ONCE,
        BATCHES
    }

    public static final ExecutionShape ALL = new ExecutionShape(Kind.ALL, 0);
    public static final ExecutionShape SERIAL = new ExecutionShape(Kind.SERIAL, 1);
    public static final ExecutionShape RUN_ONCE = new ExecutionShape(Kind.RUN_ONCE, 1);

    public static ExecutionShape batches(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallel(n) needs n >= 1, not " + n);
        }
        return new ExecutionShape(Kind.BATCHES, n);
    }
}
