package dev.jinfra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code jinfra completion}: prints the bash completion script, made from the command line's own model. */
@CommandLine.Command(
        name = "completion",
        customSynopsis = "jinfra completion",
        description = {
            "Prints a bash completion script for jinfra: its commands, each action's options and the values of "
                    + "options that take one of a few words. source <(jinfra completion) loads it into the running "
                    + "shell; saved as ~/.local/share/bash-completion/completions/jinfra, bash-completion loads it "
                    + "when first needed. zsh reads it too, through bashcompinit."
        },
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {
    private final Console console;

    CompletionCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.out().print(Completion.bash());
        return ExitCode.OK;
    }
}
