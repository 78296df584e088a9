package dev.jinfra.engine.deploy;

import dev.jinfra.deploy.OperationId;
import dev.jinfra.inventory.Host;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run proposes to do, worked out after the prepare phase and before any change: every operation
 * planned on every host against the facts as they are now. A plan can only be as good as those facts: an
 * operation that depends on an earlier one's change (a line in a file the deploy creates first) is
 * {@link Kind#UNKNOWN} until its turn, and conditions ({@code when}) are only checked then.
 *
 * @param laterHosts with {@code --batch}: the hosts of the later batches, which are prepared and planned only at
 *     their turn; until then any of them may change, so a run-wide count of hosts to change includes them
 */
public record Proposal(List<Entry> entries, int laterHosts) {
    public enum Kind {
        CHANGE,
        NO_CHANGE,
        UNKNOWN
    }

    /**
     * @param commands the commands as they would run (with sudo and the other settings), for {@link Kind#CHANGE}
     * @param reason why nothing is needed ({@link Kind#NO_CHANGE}) or why it cannot be known yet
     * @param conditional whether the operation has a {@code when} condition, checked only when its turn comes
     */
    public record Entry(
            OperationId id,
            String name,
            Host host,
            Kind kind,
            List<String> commands,
            String reason,
            boolean conditional) {
        public Entry {
            commands = List.copyOf(commands);
            // As in OperationOutcome: a plan error may quote a URL with its password.
            name = dev.jinfra.command.Redaction.urlPasswords(name);
            reason = dev.jinfra.command.Redaction.urlPasswords(reason);
        }
    }

    public static final Proposal NONE = new Proposal(List.of());

    public Proposal {
        entries = List.copyOf(entries);
        if (laterHosts < 0) {
            throw new IllegalArgumentException("laterHosts < 0: " + laterHosts);
        }
    }

    /** The proposal of a whole run, or of its only batch. */
    public Proposal(List<Entry> entries) {
        this(entries, 0);
    }

    Proposal withLaterHosts(int hosts) {
        return new Proposal(entries, hosts);
    }

    /**
     * The most hosts the whole run may change: those this proposal would (or might) change, and every host of
     * the later batches, which are not planned yet.
     */
    public int hostsRunMayChange() {
        return hostsToChange().size() + laterHosts;
    }

    /**
     * The entries of each operation, in their order: grouped once, as looking each operation up in the entries of a
     * 1,000-host run cost more than printing them.
     */
    public Map<OperationId, List<Entry>> byOperation() {
        return entries.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Entry::id, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    /** Hosts on which at least one operation would (or might) change something, in first-seen order. */
    public Set<String> hostsToChange() {
        Set<String> hosts = new LinkedHashSet<>();
        entries.stream()
                .filter(e -> e.kind() != Kind.NO_CHANGE)
                .forEach(e -> hosts.add(e.host().name()));
        return hosts;
    }

    public long count(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }
}
