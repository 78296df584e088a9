package dev.jinfra.cli;

import picocli.CommandLine.Option;

/** How results are shown. */
final class OutputOptions {
    @Option(names = "--stream", description = "Print output lines as they arrive, prefixed with the host name, instead of folding.")
    boolean stream;

    @Option(names = "--json", description = "One JSON object per line: one per host result, then a summary.")
    boolean json;

    @Option(names = "--progress", paramLabel = "WHEN", description = "Live progress on stderr: auto (on a terminal), always, never.")
    String progress = "auto";

    @Option(names = "--no-color", description = "No colours (also: the NO_COLOR environment variable).")
    boolean noColor;

    boolean showProgress(Console console) {
        return switch (progress) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> console.terminal() && !stream;
            default -> throw new UsageException("--progress must be auto, always or never, not '" + progress + "'");
        };
    }
}
