package dev.jinfra.cli.output;

import dev.jinfra.deploy.OperationId;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener.PlannedOperation;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Deploy events built by hand, the way the runner would send them, for the output listeners' tests. */
final class DeployEvents {
    private DeployEvents() {}

    static Host host(String name) {
        return new Host(name, List.of(), Map.of());
    }

    static List<Host> hosts(String... names) {
        return java.util.Arrays.stream(names).map(DeployEvents::host).toList();
    }

    static PlannedOperation operation(int line, String name, List<Host> hosts) {
        return new PlannedOperation(new OperationId(List.of("deploy.java:" + line), 0), name, hosts);
    }

    static OperationOutcome outcome(PlannedOperation op, Host host, OperationStatus status) {
        return switch (status) {
            case CHANGED ->
                new OperationOutcome(
                        op.id(), op.name(), host, status, List.of("mkdir -p -- /srv/app"), null, "", "", 0);
            case UNCHANGED ->
                new OperationOutcome(
                        op.id(), op.name(), host, status, List.of(), "/srv/app is a directory as wanted", "", "", 0);
            case FAILED ->
                new OperationOutcome(
                        op.id(),
                        op.name(),
                        host,
                        status,
                        List.of("mkdir -p -- /srv/app"),
                        "exit 1: mkdir -p -- /srv/app",
                        "",
                        "mkdir: permission denied\n",
                        1);
            case SKIPPED ->
                new OperationOutcome(op.id(), op.name(), host, status, List.of(), "host failed earlier", "", "", -1);
            case NOT_RUN ->
                new OperationOutcome(
                        op.id(),
                        op.name(),
                        host,
                        status,
                        List.of(),
                        "run stopped: a host failed (fail-fast)",
                        "",
                        "",
                        -1);
            case UNKNOWN ->
                new OperationOutcome(
                        op.id(),
                        op.name(),
                        host,
                        status,
                        List.of(),
                        "depends on an earlier change: /srv/app/conf does not exist",
                        "",
                        "",
                        0);
        };
    }

    static DeployResult result(
            List<PlannedOperation> ops,
            List<OperationOutcome> outcomes,
            Map<String, DeployHostState> states,
            Map<String, String> errors,
            Map<String, Integer> roundTrips) {
        return new DeployResult(ops, outcomes, states, errors, roundTrips, false, false, Duration.ofMillis(1500), null);
    }
}
