package dev.jinfra.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --json-file}: the same two options on every command that reports on hosts. */
final class JsonOptions {
    @Option(
            names = "--json",
            description = "One JSON object per line: the run, each host's results as they come, then a summary (see"
                    + " the README).")
    boolean json;

    @Option(
            names = "--json-file",
            paramLabel = "PATH",
            description = "Also write the JSON lines to PATH (what is shown for people stays on stdout): what jinfra"
                    + " report merges.")
    Path jsonFile;
}
