package dev.jinfra.deploy;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/**
 * A point every host waits at under the {@code free} strategy until all hosts that have it arrived (or left
 * the run). Changes nothing; under {@code linear} every operation is already such a point.
 */
public record Barrier() implements Operation {
    @Override
    public String describe() {
        return "Barrier";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.noChange("every host reached the barrier");
    }
}
