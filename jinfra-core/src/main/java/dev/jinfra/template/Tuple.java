package dev.jinfra.template;

import java.util.AbstractList;
import java.util.List;

/**
 * A Python tuple, as {@code zip}, {@code product} and {@code dict.items()} give them: a list to templates
 * ({@code pair[0]}, {@code for a in pair}), printed as Python prints a tuple ({@code ('a', 1)}).
 */
final class Tuple extends AbstractList<Object> {
    private final List<Object> items;

    Tuple(List<?> items) {
        // Stream.toList-style copy that keeps nulls (None items).
        this.items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    static Tuple of(Object... items) {
        return new Tuple(java.util.Arrays.asList(items));
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
