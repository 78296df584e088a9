package dev.jinfra.connect;

/**
 * Receives a command's output line by line as it arrives, for live display. Called from I/O threads:
 * implementations must be fast, thread-safe and must not throw.
 */
@FunctionalInterface
public interface OutputListener {
    OutputListener NONE = (stream, line) -> {};

    enum Stream {
        STDOUT,
        STDERR
    }

    void line(Stream stream, String line);
}
