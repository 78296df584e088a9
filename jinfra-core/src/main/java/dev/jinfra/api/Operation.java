package dev.jinfra.api;

/**
 * One idempotent change: from its arguments and the facts it reads, the commands needed on a host, or the
 * reason none are. Plans do no I/O of their own, so an operation can be tested from facts alone.
 */
public interface Operation {
    /** A short description for output, e.g. {@code Run: systemctl daemon-reload}. */
    String describe();

    Plan plan(FactSource facts);
}
