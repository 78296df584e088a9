package dev.jinfra.engine;

import dev.jinfra.connect.ConnectionPolicy;

/**
 * How a run is paced and when it stops, the same for exec, the fact command and deploys: how many hosts are
 * worked on at once, in which batches and with what pause between them, how many failures it takes to stop,
 * above how many hosts to ask before changing anything, and how many sessions may be open at once.
 *
 * <p>Made with {@link #builder()}; immutable.
 *
 * @param parallel hosts worked on at once (within one operation, for deploys)
 * @param batching the run goes batch after batch of hosts, with a pause between batches
 * @param budget when failures stop the run
 * @param confirmOver ask before a run changes more hosts than this; {@link Integer#MAX_VALUE} never asks
 * @param sessionWindow sessions open at once; a host's session is opened when its work starts and released
 *     when it has no more, so a run on more hosts than this still completes
 */
public record RunPolicy(int parallel, Batching batching, FailureBudget budget, int confirmOver, int sessionWindow) {
    public RunPolicy {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel < 1: " + parallel);
        }
        if (batching == null || budget == null) {
            throw new IllegalArgumentException("batching and budget are required");
        }
        if (confirmOver < 0) {
            throw new IllegalArgumentException("confirmOver < 0: " + confirmOver);
        }
        if (sessionWindow < 1) {
            throw new IllegalArgumentException("sessionWindow < 1: " + sessionWindow);
        }
    }

    /** Every host at once (within the session window), no batches, no failure budget, never asks. */
    public static RunPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .parallel(parallel)
                .batching(batching)
                .budget(budget)
                .confirmOver(confirmOver)
                .sessionWindow(sessionWindow);
    }

    /** Hosts worked on at once: never more than the sessions that may be open. */
    public int effectiveParallel() {
        return Math.min(parallel, sessionWindow);
    }

    public static final class Builder {
        private int parallel = Integer.MAX_VALUE;
        private Batching batching = Batching.NONE;
        private FailureBudget budget = FailureBudget.NONE;
        private int confirmOver = Integer.MAX_VALUE;
        private int sessionWindow = -1;

        private Builder() {}

        public Builder parallel(int n) {
            this.parallel = n;
            return this;
        }

        public Builder batching(Batching b) {
            this.batching = b;
            return this;
        }

        public Builder budget(FailureBudget b) {
            this.budget = b;
            return this;
        }

        /** Same as a budget of no failed host. */
        public Builder failFast() {
            return budget(FailureBudget.FAIL_FAST);
        }

        public Builder confirmOver(int hosts) {
            this.confirmOver = hosts;
            return this;
        }

        public Builder sessionWindow(int sessions) {
            this.sessionWindow = sessions;
            return this;
        }

        public RunPolicy build() {
            // By default, what the open-file limit allows: the same figure the SSH connector holds itself to.
            int window = sessionWindow > 0
                    ? sessionWindow
                    : ConnectionPolicy.defaults().maxSessions();
            return new RunPolicy(parallel, batching, budget, confirmOver, window);
        }
    }
}
