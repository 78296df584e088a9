package dev.jinfra.cli;

import dev.jinfra.engine.Batching;
import dev.jinfra.engine.FailureBudget;
import dev.jinfra.engine.RunPolicy;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options that pace a run and stop it, the same for exec, fact and deploys: one mixin that makes one
 * {@link RunPolicy}, so that every command reads them, checks them and means them alike.
 */
final class RunPolicyOptions {
    @Option(
            names = {"-p", "--parallel"},
            paramLabel = "N",
            description =
                    "Hosts worked on at once (default: all, within the session window; per operation for deploys).")
    Integer parallel;

    @Option(names = "--serial", description = "One host at a time (same as --parallel 1).")
    boolean serial;

    @Option(
            names = "--batch",
            paramLabel = "N|P%",
            description = "Run on N hosts (or P%% of them) at a time, batch after batch.")
    String batch;

    @Option(
            names = "--batch-delay",
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description = "Pause between batches (e.g. 30s); Ctrl-C ends it at once.")
    Duration batchDelay = Duration.ZERO;

    @Option(
            names = "--fail-fast",
            description =
                    "Stop after the first host that fails or is unreachable: start no more hosts "
                            + "(hosts still connecting stop too; a deploy finishes the operation it is in). The rest are reported as not run.")
    boolean failFast;

    @Option(
            names = "--max-fail",
            paramLabel = "N",
            description = "Stop once more than N hosts failed or were unreachable (in the run or in a batch).")
    Integer maxFail;

    @Option(
            names = "--fail-percent",
            paramLabel = "P",
            description = "Stop once more than P%% of the hosts (of the run or of a batch) failed or were unreachable.")
    Integer failPercent;

    @Option(
            names = "--confirm-over",
            paramLabel = "N",
            description = "Ask before changing more than N hosts (deploys: default 50; exec: "
                    + "ask before running on more than N hosts, off by default); without a terminal, --yes is needed.")
    Integer confirmOver;

    @Option(
            names = {"-y", "--yes"},
            description = "Go ahead without asking, however many hosts.")
    boolean yes;

    /** @param defaultConfirmOver the command's threshold when --confirm-over is not given */
    RunPolicy policy(int defaultConfirmOver) {
        int width = serial ? 1 : parallel == null ? Integer.MAX_VALUE : parallel;
        if (width < 1) {
            throw new UsageException("--parallel must be at least 1");
        }
        Batching batching = Batching.NONE;
        if (batch != null) {
            try {
                batching = Batching.parse(batch, batchDelay);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--batch: " + e.getMessage());
            }
        } else if (!batchDelay.isZero()) {
            throw new UsageException("--batch-delay needs --batch");
        }
        if (maxFail != null && maxFail < 0) {
            throw new UsageException("--max-fail must be 0 or more, not " + maxFail);
        }
        if (failPercent != null && (failPercent < 0 || failPercent > 100)) {
            throw new UsageException("--fail-percent must be between 0 and 100, not " + failPercent);
        }
        if (failFast && (maxFail != null || failPercent != null)) {
            throw new UsageException(
                    "--fail-fast stops at the first failed host: leave out --max-fail and --fail-percent");
        }
        if (confirmOver != null && confirmOver < 0) {
            throw new UsageException("--confirm-over must be 0 or more, not " + confirmOver);
        }
        FailureBudget budget = failFast ? FailureBudget.FAIL_FAST : new FailureBudget(maxFail, failPercent);
        int ask = yes ? Integer.MAX_VALUE : confirmOver != null ? confirmOver : defaultConfirmOver;
        return RunPolicy.builder()
                .parallel(width)
                .batching(batching)
                .budget(budget)
                .confirmOver(ask)
                .build();
    }

    /**
     * Before a run that touches {@code hosts} hosts: past the policy's threshold, asks on the terminal, and
     * without one requires --yes.
     *
     * @return false when the user answered no
     */
    static boolean confirm(RunPolicy policy, int hosts, String what, Console console) {
        if (hosts <= policy.confirmOver()) {
            return true;
        }
        String count = what + " on " + hosts + " hosts";
        if (!console.canPrompt()) {
            throw new UsageException(
                    count + " (more than --confirm-over " + policy.confirmOver() + "): add --yes to go ahead");
        }
        String answer = console.readLine("jinfra: " + count + ". Go ahead? [y/N] ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
