package dev.jinfra.cli;

import java.util.Iterator;
import java.util.List;

/** The values of options that take one of a few words, for shell completion (picocli reads them by class). */
final class Candidates {
    private Candidates() {}

    /** {@code --progress}. */
    static final class Progress implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "always", "never").iterator();
        }
    }

    /** {@code --strategy}. */
    static final class Strategy implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("linear", "free").iterator();
        }
    }

    /** {@code --retry}. */
    static final class Retry implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("failed").iterator();
        }
    }
}
