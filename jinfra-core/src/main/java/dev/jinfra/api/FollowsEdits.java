package dev.jinfra.api;

/**
 * A fact about a file's lines whose value after a {@link FileEdit} of that file can be told from its value before,
 * without reading the file again.
 */
public interface FollowsEdits<T> extends Fact<T> {
    /**
     * The value after {@code edit}.
     *
     * @param before the value before the edit (null when the file could not be read)
     * @return the value after it, or null when it cannot be told without reading the file
     */
    T after(T before, FileEdit edit);
}
