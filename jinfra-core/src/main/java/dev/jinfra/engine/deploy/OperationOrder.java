package dev.jinfra.engine.deploy;

import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one order of operations for a whole run, merged from every host's own sequence: each host's operations
 * stay in that host's order, and operations that only some hosts have are placed where those hosts have
 * them. Where two hosts order the same two operations differently there is no such order, and the conflict
 * is reported with both operations and hosts.
 */
public final class OperationOrder {
    private OperationOrder() {}

    /** Thrown when hosts disagree on the order of two operations. */
    public static final class ConflictException extends RuntimeException {
        ConflictException(String message) {
            super(message);
        }
    }

    /** @param sequences each host's operations in its order, hosts in inventory order */
    public static List<OperationId> merge(Map<String, List<OperationId>> sequences) {
        // Edges from each operation to the next one on some host; the first host to show an edge is kept
        // for error messages.
        Map<OperationId, Set<OperationId>> next = new LinkedHashMap<>();
        Map<OperationId, Integer> incoming = new HashMap<>();
        Map<List<OperationId>, String> edgeHost = new HashMap<>();
        Map<OperationId, Integer> firstSeen = new HashMap<>();
        int position = 0;
        for (var e : sequences.entrySet()) {
            List<OperationId> seq = e.getValue();
            for (int i = 0; i < seq.size(); i++) {
                OperationId op = seq.get(i);
                next.computeIfAbsent(op, k -> new LinkedHashSet<>());
                incoming.putIfAbsent(op, 0);
                firstSeen.putIfAbsent(op, position++);
                if (i > 0) {
                    OperationId prev = seq.get(i - 1);
                    if (next.get(prev).add(op)) {
                        incoming.merge(op, 1, Integer::sum);
                        edgeHost.put(List.of(prev, op), e.getKey());
                    }
                }
            }
        }
        // Kahn's algorithm; among operations that are ready, the one written first in the deploy goes first
        // (then the one seen first), so branches taken by different hosts keep the deploy's written order.
        List<OperationId> order = new ArrayList<>();
        var ready = new java.util.PriorityQueue<OperationId>((a, b) -> {
            int bySource = compareBySource(a, b);
            return bySource != 0 ? bySource : Integer.compare(firstSeen.get(a), firstSeen.get(b));
        });
        incoming.forEach((op, n) -> {
            if (n == 0) {
                ready.add(op);
            }
        });
        while (!ready.isEmpty()) {
            OperationId op = ready.poll();
            order.add(op);
            for (OperationId n : next.get(op)) {
                if (incoming.merge(n, -1, Integer::sum) == 0) {
                    ready.add(n);
                }
            }
        }
        if (order.size() < next.size()) {
            throw conflict(next, incoming, edgeHost);
        }
        return order;
    }

    /** Source order: call site by call site, outermost first (file name, then line), then loop round. */
    static int compareBySource(OperationId a, OperationId b) {
        int n = Math.min(a.callSites().size(), b.callSites().size());
        for (int i = 0; i < n; i++) {
            int c = compareSite(a.callSites().get(i), b.callSites().get(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(a.callSites().size(), b.callSites().size());
        return c != 0 ? c : Integer.compare(a.occurrence(), b.occurrence());
    }

    private static int compareSite(String a, String b) {
        int ia = a.lastIndexOf(':');
        int ib = b.lastIndexOf(':');
        int byFile = a.substring(0, Math.max(0, ia)).compareTo(b.substring(0, Math.max(0, ib)));
        if (byFile != 0) {
            return byFile;
        }
        try {
            return Integer.compare(Integer.parseInt(a.substring(ia + 1)), Integer.parseInt(b.substring(ib + 1)));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static ConflictException conflict(
            Map<OperationId, Set<OperationId>> next,
            Map<OperationId, Integer> incoming,
            Map<List<OperationId>, String> edgeHost) {
        // Find one cycle among the operations left over and name two hosts that disagree.
        Set<OperationId> left = new HashSet<>();
        incoming.forEach((op, n) -> {
            if (n > 0) {
                left.add(op);
            }
        });
        for (OperationId a : left) {
            for (OperationId b : next.get(a)) {
                if (left.contains(b) && reaches(b, a, next, left)) {
                    String hostAB = edgeHost.get(List.of(a, b));
                    String hostBA = firstEdgeHostOnPath(b, a, next, left, edgeHost);
                    return new ConflictException("hosts order operations differently: " + hostAB + " runs " + a.where()
                            + " before " + b.where() + ", but " + hostBA + " runs " + b.where() + " before " + a.where()
                            + "; make the order the same on every host (e.g. move the call out of the branch)");
                }
            }
        }
        return new ConflictException("hosts order operations differently");
    }

    private static boolean reaches(
            OperationId from, OperationId to, Map<OperationId, Set<OperationId>> next, Set<OperationId> within) {
        var seen = new HashSet<OperationId>();
        var stack = new java.util.ArrayDeque<OperationId>(List.of(from));
        while (!stack.isEmpty()) {
            OperationId op = stack.pop();
            if (op.equals(to)) {
                return true;
            }
            if (seen.add(op)) {
                next.get(op).stream().filter(within::contains).forEach(stack::push);
            }
        }
        return false;
    }

    private static String firstEdgeHostOnPath(
            OperationId from,
            OperationId to,
            Map<OperationId, Set<OperationId>> next,
            Set<OperationId> within,
            Map<List<OperationId>, String> edgeHost) {
        if (next.get(from).contains(to)) {
            return edgeHost.get(List.of(from, to));
        }
        for (OperationId n : next.get(from)) {
            if (within.contains(n) && reaches(n, to, next, within)) {
                return edgeHost.get(List.of(from, n));
            }
        }
        return "another host";
    }

    /**
     * The batch's operations in one order that respects every host's own order, each with the hosts that run
     * it and the name it was given.
     */
    static List<DeployListener.PlannedOperation> planned(
            List<Host> reached, Map<Host, List<PrepareContext.Registered>> registered) {
        Map<String, List<OperationId>> sequences = new LinkedHashMap<>();
        Map<OperationId, String> names = new LinkedHashMap<>();
        for (Host h : reached) {
            List<PrepareContext.Registered> regs = registered.get(h);
            sequences.put(
                    h.name(), regs.stream().map(PrepareContext.Registered::id).toList());
            regs.forEach(r -> names.putIfAbsent(r.id(), r.call().displayName()));
        }
        Map<OperationId, List<Host>> hostsOf = new LinkedHashMap<>();
        for (Host h : reached) {
            registered
                    .get(h)
                    .forEach(r -> hostsOf.computeIfAbsent(r.id(), id -> new ArrayList<>())
                            .add(h));
        }
        List<DeployListener.PlannedOperation> planned = new ArrayList<>();
        for (OperationId id : OperationOrder.merge(sequences)) {
            planned.add(new DeployListener.PlannedOperation(
                    id, names.get(id), List.copyOf(hostsOf.getOrDefault(id, List.of()))));
        }
        return planned;
    }
}
