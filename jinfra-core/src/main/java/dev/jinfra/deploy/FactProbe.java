package dev.jinfra.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the facts a host's coming operations will read, without reading any: each operation plans against a
 * source that records what is asked and answers with what is already known or with the fact's "absent"
 * value. Facts an operation only reads depending on another fact's value may be missed; those are read on
 * their own later, so the probe can only save round trips, never change a plan.
 */
final class FactProbe {
    private FactProbe() {}

    static Set<Fact<?>> factsOfRemaining(List<PrepareContext.Registered> operations, OperationId from, HostFacts known) {
        Set<Fact<?>> wanted = new LinkedHashSet<>();
        boolean started = false;
        for (PrepareContext.Registered r : operations) {
            started |= r.id().equals(from);
            if (!started) {
                continue;
            }
            FactSource recording = new FactSource() {
                @Override
                public <T> T get(Fact<T> fact) {
                    wanted.add(fact);
                    return known.peekOrAbsent(fact);
                }
            };
            try {
                r.call().operation().plan(recording);
            } catch (RuntimeException e) {
                // A plan that cannot work with absent values has still named the facts it asked for so far.
            }
        }
        return wanted;
    }
}
