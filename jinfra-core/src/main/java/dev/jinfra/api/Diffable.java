package dev.jinfra.api;

/**
 * An operation that can show how it would change a file's content, as a unified diff. Asked only in dry runs
 * and with {@code --diff}, because it may need to read the whole remote file.
 */
public interface Diffable {
    /** The unified diff from the host's content to the wanted content, or null when there is nothing to show. */
    String diff(FactSource facts);
}
