package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the facts a host's coming operations will read, without reading any: each operation plans against a
 * source that records what is asked and answers with what is already known or with the fact's "absent"
 * value. Facts an operation only reads depending on another fact's value may be missed; those are read on
 * their own later, so the probe can only save round trips, never change a plan.
 */
final class FactProbe {
    private FactProbe() {}

    /** The facts the operations from {@code from} on will read, by the user each operation reads them as. */
    static Map<FactUser, Set<Fact<?>>> factsOfRemaining(
            List<PrepareContext.Registered> operations,
            OperationId from,
            HostFacts known,
            Host host,
            DeployRunner.Options options) {
        return factsOf(operations, from, false, known, host, options);
    }

    /**
     * Reads the facts of the operations from {@code from} on, if operation {@code from} needs any that are not
     * known: after a change confined to some paths, an operation elsewhere plans from what was read before,
     * without a round trip, and the next read happens only when an operation needs it.
     */
    static void gatherWhenNeeded(
            List<PrepareContext.Registered> operations,
            OperationId from,
            HostFacts facts,
            Host host,
            DeployRunner.Options options) {
        if (needsRead(operations, from, facts, host, options)) {
            gatherAhead(operations, from, facts, host, options);
        }
    }

    /** Whether operation {@code from} needs a fact that is not known. */
    static boolean needsRead(
            List<PrepareContext.Registered> operations,
            OperationId from,
            HostFacts facts,
            Host host,
            DeployRunner.Options options) {
        return !facts.knowsAll(factsOf(operations, from, true, facts, host, options));
    }

    private static Map<FactUser, Set<Fact<?>>> factsOf(
            List<PrepareContext.Registered> operations,
            OperationId from,
            boolean onlyFrom,
            HostFacts known,
            Host host,
            DeployRunner.Options options) {
        Map<FactUser, Set<Fact<?>>> wanted = new LinkedHashMap<>();
        boolean started = false;
        for (PrepareContext.Registered r : operations) {
            if (started && onlyFrom) {
                break;
            }
            started |= r.id().equals(from);
            if (!started) {
                continue;
            }
            FactUser who;
            try {
                who = FactUser.of(r.call().settingsFor(host, options.commandLine()), options.sudoPassword());
            } catch (RuntimeException e) {
                continue; // bad host data: the operation fails with that message at its turn
            }
            Set<Fact<?>> mine = wanted.computeIfAbsent(who, w -> new LinkedHashSet<>());
            FactSource recording = new FactSource() {
                @Override
                public <T> T get(Fact<T> fact) {
                    mine.add(fact);
                    return known.peekOrAbsent(who, fact);
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

    /**
     * Reads the facts of the operations from {@code from} on in as few round trips as possible: facts some
     * operations only ask for once others are known (a checksum once the file is known to exist) come to
     * light in the next pass, one round trip per level of such dependence.
     */
    static void gatherAhead(
            List<PrepareContext.Registered> operations,
            OperationId from,
            HostFacts facts,
            Host host,
            DeployRunner.Options options) {
        try {
            gatherAheadOrFail(operations, from, facts, host, options);
        } catch (RuntimeException e) {
            // Gathering ahead is an optimisation: each operation still reads what it needs itself.
        }
    }

    /**
     * As {@link #gatherAhead}, but a host that cannot be read at all ({@link HostFacts.Unreadable}: the read timed
     * out or lost its connection) is said so, for the prepare phase to fail the host at once; other problems are
     * left for each operation to meet at its turn.
     */
    static void gatherAheadOrFail(
            List<PrepareContext.Registered> operations,
            OperationId from,
            HostFacts facts,
            Host host,
            DeployRunner.Options options) {
        try {
            for (int pass = 0; pass < 3; pass++) {
                if (!facts.prefetch(factsOfRemaining(operations, from, facts, host, options))) {
                    break;
                }
            }
        } catch (HostFacts.Unreadable e) {
            throw e;
        } catch (RuntimeException e) {
            // Gathering ahead is an optimisation: each operation still reads what it needs itself.
        }
    }
}
