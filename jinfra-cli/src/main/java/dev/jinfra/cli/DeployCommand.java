package dev.jinfra.cli;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.compile.DeployCompileException;
import dev.jinfra.deploy.compile.DeployFiles;
import dev.jinfra.deploy.compile.LoadedDeploy;
import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** {@code jinfra INVENTORY DEPLOY.java...}: compile the deploy files, prepare every host, run the operations. */
@CommandLine.Command(
        name = "deploy",
        customSynopsis = "jinfra INVENTORY DEPLOY.java... [OPTIONS]",
        description = {
            "Runs Java deploy files: each host's deploy code registers operations (prepare), then the operations "
                    + "run in order across all their hosts, changing only what differs from the wanted state."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class DeployCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "Inventory file or targets, as for exec.")
    String inventory;

    @Parameters(index = "1..*", paramLabel = "DEPLOY.java", arity = "1..*", description = "Deploy files, run in order.")
    List<Path> files = new ArrayList<>();

    @CommandLine.Mixin
    TargetOptions targets = new TargetOptions();

    @CommandLine.Mixin
    DeployExecution execution = new DeployExecution();

    private final Console console;

    // Where compiled deploy files are kept between runs; below the working directory unless told otherwise.
    private Path cache;

    DeployCommand(Console console) {
        this.console = console;
    }

    /** Compiles into {@code dir} and writes no .jinfra/failed-hosts: for the demo, which leaves nothing behind. */
    DeployCommand leavingNothingBehind(Path dir) {
        cache = dir;
        execution.withoutRetryFile();
        return this;
    }

    /** The run's result once it has run, else null. */
    dev.jinfra.engine.deploy.DeployResult result() {
        return execution.result();
    }

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(console.cwd().resolve(f))) {
                throw new UsageException("no such deploy file: " + f);
            }
        }
        List<LoadedDeploy> loaded;
        try {
            loaded = DeployFiles.load(
                    files.stream().map(f -> console.cwd().resolve(f)).toList(),
                    cache != null ? cache : console.cwd().resolve(".jinfra/cache/deploys"));
        } catch (DeployCompileException e) {
            // Name the files as the user wrote them, not as resolved against the working directory.
            String errors = String.join("\n", e.errors());
            for (Path f : files) {
                errors = errors.replace(console.cwd().resolve(f).toString(), f.toString());
            }
            throw new UsageException(errors);
        }
        List<Deploy> deploys = loaded.stream().map(LoadedDeploy::deploy).toList();
        // Ansible reads group_vars and host_vars beside the playbook too; jinfra beside the deploy files.
        List<Path> deployDirs = files.stream()
                .map(f -> f.getParent() == null ? Path.of("") : f.getParent())
                .distinct()
                .toList();
        List<Host> hosts = targets.select(inventory, console, deployDirs);
        List<String> work = new ArrayList<>();
        for (Path f : files) {
            // The files' content, not their names alone: an edited deploy is other work.
            work.add(f.toString());
            work.add(Files.readString(console.cwd().resolve(f)));
        }
        return execution.run(console, targets, hosts, deploys, "deploy " + files, work);
    }
}
