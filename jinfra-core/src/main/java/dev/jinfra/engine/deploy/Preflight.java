package dev.jinfra.engine.deploy;

import dev.jinfra.api.Operation;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check between the prepare phase and the first change: every registered operation of every host checks its
 * local inputs ({@link Operation#checkLocalInputs()}: templates rendered with the host's variables, local files
 * present and readable). One problem anywhere stops the run before any host is changed, so that a broken template
 * or a missing file never reaches half of a fleet. Equal operations (the same upload on every host) are checked
 * once.
 */
final class Preflight {
    private Preflight() {}

    /** The problems found, folded by message; empty when every host may go ahead. */
    static List<DeployListener.CheckProblem> check(
            List<Host> hosts, Map<Host, List<PrepareContext.Registered>> registered) {
        Map<Operation, String> checked = new HashMap<>();
        Map<String, OperationId> firstOperation = new LinkedHashMap<>();
        Map<String, java.util.Set<Host>> hostsOf = new LinkedHashMap<>();
        for (Host host : hosts) {
            for (PrepareContext.Registered r : registered.getOrDefault(host, List.of())) {
                String problem = checked.computeIfAbsent(r.call().operation(), Preflight::problemOf);
                if (problem.isEmpty()) {
                    continue;
                }
                // Not prefixed with the operation's display name: that holds host-specific paths, and the same
                // problem on many hosts is listed once. Operations name themselves in their messages.
                String message = problem;
                firstOperation.putIfAbsent(message, r.id());
                hostsOf.computeIfAbsent(message, m -> new java.util.LinkedHashSet<>())
                        .add(host);
            }
        }
        List<DeployListener.CheckProblem> problems = new ArrayList<>();
        hostsOf.forEach((message, where) -> problems.add(
                new DeployListener.CheckProblem(firstOperation.get(message), message, List.copyOf(where))));
        return problems;
    }

    private static String problemOf(Operation operation) {
        try {
            operation.checkLocalInputs();
            return "";
        } catch (RuntimeException e) {
            return e.getMessage() == null ? "local input check failed" : e.getMessage();
        }
    }
}
