package dev.jinfra.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run into batches that run one after another, with a pause between them: the rolling pattern for
 * changes that must not hit a whole fleet at once.
 *
 * @param size hosts per batch, or 0 when {@code percent} is used
 * @param percent per-batch share of all hosts (1-100), or 0 when {@code size} is used
 * @param delay pause after a batch finishes before the next starts
 */
public record Batching(int size, int percent, Duration delay) {
    public static final Batching NONE = new Batching(0, 0, Duration.ZERO);

    public Batching {
        if (size < 0 || percent < 0 || percent > 100 || (size > 0 && percent > 0)) {
            throw new IllegalArgumentException(
                    "batch needs a size or a percentage: size=" + size + " percent=" + percent);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("batch delay < 0: " + delay);
        }
    }

    /** Parses {@code 10} (hosts) or {@code 25%} (of all hosts). */
    public static Batching parse(String spec, Duration delay) {
        String s = spec.strip();
        try {
            if (s.endsWith("%")) {
                int p = Integer.parseInt(s.substring(0, s.length() - 1).strip());
                if (p < 1 || p > 100) {
                    throw new IllegalArgumentException("batch percentage must be 1-100, not " + s);
                }
                return new Batching(0, p, delay);
            }
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, not " + s);
            }
            return new Batching(n, 0, delay);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "batch must be a number of hosts or a percentage like 10%, not '" + spec + "'");
        }
    }

    public <T> List<List<T>> split(List<T> items) {
        int per = size > 0
                ? size
                : percent > 0
                        ? Math.max(1, (int) Math.ceil(items.size() * percent / 100.0))
                        : Math.max(1, items.size());
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += per) {
            batches.add(List.copyOf(items.subList(i, Math.min(items.size(), i + per))));
        }
        return batches;
    }
}
