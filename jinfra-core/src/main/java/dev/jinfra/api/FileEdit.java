package dev.jinfra.api;

import java.util.List;

/**
 * A change to a file's lines that an operation's plan describes, so that facts about the file's lines can follow
 * it ({@link FollowsEdits}) instead of being read again: the next operation on the same file then plans without
 * asking the host, and a host's operations stay in one script.
 */
public sealed interface FileEdit {
    /** The file's absolute path. */
    String path();

    /** The file is made empty where there was none. */
    record Created(String path) implements FileEdit {}

    /** Lines added at the end of the file (after a newline, when its last line had none). */
    record Appended(String path, List<String> lines) implements FileEdit {
        public Appended {
            lines = List.copyOf(lines);
        }
    }
}
