package dev.jinfra.cli;

import dev.jinfra.catalog.Catalog;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * jinfra's whole command line as one picocli model, for what is made from it: the shell completion script and the
 * man pages. {@link Main} dispatches by hand, because the inventory comes before the action, which picocli's
 * subcommands cannot express; so this model is read, never run.
 *
 * <p>The root is the deploy command ({@code jinfra INVENTORY DEPLOY.java... [OPTIONS]}) named {@code jinfra}:
 * deploy files take no action word, so their options are the root's. Every action that follows an inventory
 * ({@code exec}, {@code fact}, and {@code OPERATION} for every operation) and every command that comes alone
 * ({@code demo}, {@code init}, {@code report}, {@code completion}, {@code help}) is a subcommand.
 */
final class CommandModel {
    /** The commands that come without an inventory before them. */
    /** The subcommand that stands for every operation. */
    static final String OPERATION = "OPERATION";

    static final List<String> ALONE = List.of("demo", "init", "report", "completion", "help");

    private CommandModel() {}

    static CommandLine build() {
        var sink = new PrintStream(OutputStream.nullOutputStream());
        Console console = new Console(sink, sink, Path.of(""), false);
        CommandLine root = new CommandLine(new DeployCommand(console));
        root.setCommandName("jinfra");
        root.getCommandSpec().version(Main.VERSION);
        root.addSubcommand("exec", new CommandLine(new ExecCommand(console)));
        root.addSubcommand("fact", new CommandLine(new FactCommand(console)));
        // One for all operations: they share their options, and their own arguments are NAME=VALUE words.
        root.addSubcommand(OPERATION, new CommandLine(new OperationCommand(console)));
        root.addSubcommand("demo", new CommandLine(new DemoCommand(console)));
        root.addSubcommand("init", new CommandLine(new InitCommand(console)));
        root.addSubcommand("report", new CommandLine(new ReportCommand(console, InputStream.nullInputStream())));
        root.addSubcommand("completion", new CommandLine(new CompletionCommand(console)));
        root.addSubcommand("help", new CommandLine(help()));
        return root;
    }

    /** {@code jinfra help NAME}: what it takes is a name, which completion offers. */
    private static CommandSpec help() {
        List<String> names = new ArrayList<>(List.of("operations", "facts", "exec", "fact", "report", "completion"));
        names.addAll(Catalog.operationNames());
        return CommandSpec.create()
                .name("help")
                .addPositional(PositionalParamSpec.builder()
                        .paramLabel("NAME")
                        .arity("0..1")
                        .completionCandidates(names)
                        .description(
                                "exec, fact, report, completion, an operation, or operations or facts to list them all.")
                        .build());
    }
}
