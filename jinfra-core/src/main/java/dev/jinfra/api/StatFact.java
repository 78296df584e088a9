package dev.jinfra.api;

/**
 * A fact that is {@code stat -c FORMAT -- PATH}: the combined fact probe runs one {@code stat} for all such facts
 * of a host with the same format, instead of one process each. The format must print one line without the
 * path in it.
 */
public interface StatFact {
    String statFormat();

    String statPath();
}
