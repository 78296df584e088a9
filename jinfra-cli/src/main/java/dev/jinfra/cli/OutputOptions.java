package dev.jinfra.cli;

import dev.jinfra.cli.output.ProgressDisplay;
import picocli.CommandLine.Option;

/** How results are shown. */
final class OutputOptions {
    @Option(
            names = "--stream",
            description = "Print output lines as they arrive, prefixed with the host name, instead of folding.")
    boolean stream;

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            completionCandidates = Candidates.Progress.class,
            description =
                    "Progress on stderr: auto (live on a terminal, else a line every 10s of a long run), always, never.")
    String progress = "auto";

    @Option(names = "--no-color", description = "No colours (also: the NO_COLOR environment variable).")
    boolean noColor;

    /**
     * How progress is shown, or null for not at all. Decided by standard error alone, where progress goes:
     * results redirected to a file still leave a terminal watching it. Off a terminal, auto prints only the
     * sparse status lines, so short runs (and logs of them) stay free of progress; with --stream, whose lines
     * are progress enough, auto shows none.
     */
    ProgressDisplay.Mode progressMode(boolean errTerminal) {
        return switch (progress) {
            case "always" -> errTerminal ? ProgressDisplay.Mode.LIVE : ProgressDisplay.Mode.PLAIN;
            case "never" -> null;
            case "auto" -> stream ? null : errTerminal ? ProgressDisplay.Mode.LIVE : ProgressDisplay.Mode.SPARSE;
            default -> throw new UsageException("--progress must be auto, always or never, not '" + progress + "'");
        };
    }
}
