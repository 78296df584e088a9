package dev.jinfra.cli;

import dev.jinfra.api.Operation;
import dev.jinfra.catalog.Catalog;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * {@code jinfra INVENTORY OPERATION [name=value ...]}: one operation from the catalog on every targeted host,
 * without writing a deploy file. It runs as a one-operation deploy, so it reads facts first, changes only what
 * differs, and reports exactly as a deploy does.
 */
@CommandLine.Command(
        name = "OPERATION",
        customSynopsis = "jinfra INVENTORY OPERATION [NAME=VALUE...] [OPTIONS]",
        description = {
            "Runs one operation (e.g. files.directory path=/srv/app mode=750) on every targeted host, changing "
                    + "only what differs from the wanted state. List arguments take comma-separated values."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true)
final class OperationCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "Inventory file or targets, as for exec.")
    String inventory;

    @Parameters(
            index = "1",
            paramLabel = "OPERATION",
            description = "The operation, e.g. files.directory or server.shell.")
    String operationName;

    @Parameters(index = "2..*", paramLabel = "NAME=VALUE", description = "The operation's arguments.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Mixin
    TargetOptions targets = new TargetOptions();

    @CommandLine.Mixin
    DeployExecution execution = new DeployExecution();

    private final Console console;

    OperationCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        OpArgs args = OpArgs.parse(operationName, arguments);
        Operation operation = create(args);
        List<Host> hosts = targets.select(inventory, console);
        String what = (operationName + " " + args.describe()).strip();
        // --sudo and the other run settings come from DeployExecution, as the command line's defaults.
        Deploy deploy = host -> PrepareContext.register(operation);
        return execution.run(console, targets, hosts, List.of(deploy), what, List.of(what));
    }

    /** Made once, before any host is touched, so that a mistake in the arguments stops the run at once. */
    private Operation create(OpArgs args) {
        try {
            return Catalog.operation(operationName, args.values());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
