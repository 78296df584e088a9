package dev.jinfra.cli;

import dev.jinfra.inventory.InventoryException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The {@code jinfra} command line. The inventory comes first, then the action:
 * {@code jinfra INVENTORY exec -- COMMAND}; commands that need no inventory ({@code demo}) come alone.
 */
public final class Main {
    static final String VERSION = "jinfra 0.1.0";

    private Main() {}

    public static void main(String[] args) {
        // Before any logger exists: MINA's INFO chatter is not for users; --debug shows its warnings too.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty(
                    "org.slf4j.simpleLogger.defaultLogLevel", List.of(args).contains("--debug") ? "warn" : "error");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Console console = Console.system();
        int code = run(args, console);
        console.out().flush();
        console.err().flush();
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    public static int run(String[] args, Console console) {
        boolean debug = List.of(args).contains("--debug");
        try {
            return dispatch(args, console);
        } catch (RuntimeException | Error e) {
            return report(e, console, debug);
        }
    }

    /** One line for the user; the stack trace only with --debug. */
    static int report(Throwable e, Console console, boolean debug) {
        if (e instanceof UsageException || e instanceof InventoryException) {
            console.err().println("jinfra: " + e.getMessage());
            if (debug) {
                e.printStackTrace(console.err());
            }
            return ExitCode.USAGE;
        }
        console.err()
                .println("jinfra: internal error: " + dev.jinfra.problem.Problems.inWords(e)
                        + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(console.err());
        }
        return ExitCode.INTERNAL;
    }

    private static int dispatch(String[] args, Console console) {
        if (args.length == 0) {
            console.err().println(usage());
            return ExitCode.USAGE;
        }
        switch (args[0]) {
            case "-h", "--help", "help" -> {
                if (args.length > 1 && (args[1].equals("operations") || args[1].equals("facts"))) {
                    console.out().print(dev.jinfra.catalog.OperationHelp.index(args[1].equals("facts")));
                    return ExitCode.OK;
                }
                if (args.length > 1 && args[1].equals("report")) {
                    return execute(new ReportCommand(console, System.in), new String[] {"--help"}, console);
                }
                if (args.length > 1 && args[1].equals("completion")) {
                    return execute(new CompletionCommand(console), new String[] {"--help"}, console);
                }
                if (args.length > 1 && isAction(args[1])) {
                    // `jinfra help exec`, `jinfra help files.put`: the same as --help after the action.
                    return help(args[1], console);
                }
                if (args.length > 1) {
                    List<String> meant = dev.jinfra.catalog.OperationHelp.closest(args[1], actions());
                    throw new UsageException("no help for '" + args[1] + "'"
                            + (meant.isEmpty()
                                    ? "; see jinfra --help"
                                    : "; did you mean " + String.join(" or ", meant) + "?"));
                }
                console.out().println(usage());
                return ExitCode.OK;
            }
            case "-V", "--version" -> {
                console.out().println(VERSION);
                return ExitCode.OK;
            }
            case "__train" -> {
                String mode = args.length > 1 ? args[1] : "";
                if (!mode.equals("run") && !mode.equals("deploy")) {
                    throw new UsageException("__train needs run or deploy");
                }
                try {
                    return TrainCommand.run(mode);
                } catch (Exception e) {
                    throw new IllegalStateException("training run failed", e);
                }
            }
            case "__man" -> {
                // The build's: writes the man pages into the directory given.
                if (args.length != 2) {
                    throw new UsageException("__man needs a directory");
                }
                ManPages.write(java.nio.file.Path.of(args[1]));
                return ExitCode.OK;
            }
            case "__names" -> {
                // The completion script's: the groups and hosts of the inventory given, one a line, for --limit.
                return args.length == 2 ? Completion.names(args[1], console) : ExitCode.USAGE;
            }
            case "completion" -> {
                return execute(new CompletionCommand(console), Arrays.copyOfRange(args, 1, args.length), console);
            }
            case "init" -> {
                return execute(new InitCommand(console), Arrays.copyOfRange(args, 1, args.length), console);
            }
            case "report" -> {
                return execute(
                        new ReportCommand(console, System.in), Arrays.copyOfRange(args, 1, args.length), console);
            }
            case "demo" -> {
                dev.jinfra.connect.SshConnector.preload();
                return execute(new DemoCommand(console), Arrays.copyOfRange(args, 1, args.length), console);
            }
            default -> {}
        }
        if ((isAction(args[0]) || args[0].endsWith(".java")) && !helpAsked(args)) {
            // `jinfra exec -- uptime` in an Ansible project: its ansible.cfg names the inventory, as for ansible.
            var configured = AnsibleConfig.of(console).inventory();
            if (configured.isPresent()) {
                String[] withInventory = new String[args.length + 1];
                withInventory[0] = configured.get();
                System.arraycopy(args, 0, withInventory, 1, args.length);
                args = withInventory;
            }
        }
        if (isAction(args[0]) && (args.length == 1 || helpAsked(args))) {
            // `jinfra exec --help`: the action's help, though no inventory came first.
            return help(args[0], console);
        }
        if (args.length < 2) {
            throw new UsageException("missing action after the inventory: jinfra " + args[0] + " exec -- COMMAND");
        }
        if (!(args[0].startsWith("@") && !args[0].contains(","))) {
            // Hosts that may be reached over SSH: set up the SSH libraries while the command line and the
            // inventory are read.
            dev.jinfra.connect.SshConnector.preload();
        }
        String action = args[1];
        String[] rest = new String[args.length - 1];
        rest[0] = args[0];
        System.arraycopy(args, 2, rest, 1, args.length - 2);
        if (action.equals("exec")) {
            return execute(new ExecCommand(console), rest, console);
        }
        if (action.equals("fact")) {
            String[] factArgs = new String[args.length - 1];
            factArgs[0] = args[0];
            System.arraycopy(args, 2, factArgs, 1, args.length - 2);
            return execute(new FactCommand(console), factArgs, console);
        }
        if (dev.jinfra.catalog.Catalog.operationNames().contains(action)) {
            if (helpAsked(args)) {
                return help(action, console);
            }
            return execute(new OperationCommand(console), args.clone(), console);
        }
        if (action.endsWith(".java")) {
            // Deploy files: every argument up to the first option is one.
            String[] deployArgs = new String[args.length];
            System.arraycopy(args, 0, deployArgs, 0, args.length);
            return execute(new DeployCommand(console), deployArgs, console);
        }
        List<String> meant = dev.jinfra.catalog.OperationHelp.closest(action, actions());
        throw new UsageException("unknown action '" + action + "'"
                + (meant.isEmpty()
                        ? " (jinfra INVENTORY exec -- COMMAND, or jinfra INVENTORY DEPLOY.java; see jinfra --help)"
                        : "; did you mean " + String.join(" or ", meant) + "?"));
    }

    /** exec, fact and every operation's name: what may follow the inventory besides deploy files. */
    private static java.util.Set<String> actions() {
        var all = new java.util.TreeSet<>(dev.jinfra.catalog.Catalog.operationNames());
        all.add("exec");
        all.add("fact");
        return all;
    }

    private static boolean isAction(String word) {
        return word.equals("exec")
                || word.equals("fact")
                || mayNameOperation(word)
                        && dev.jinfra.catalog.Catalog.operationNames().contains(word);
    }

    /**
     * Whether a word has the shape of an operation's name ({@code family.name}). The first word of most runs is an
     * inventory, and telling it apart through the catalog meant finding every operation first (about 60 ms of CPU,
     * a tenth of an exec's start-up); a path or an inventory file's name cannot be an operation's name.
     */
    static boolean mayNameOperation(String word) {
        return OPERATION_NAME.matcher(word).matches()
                && !INVENTORY_EXTENSION.matcher(word).find();
    }

    private static final Pattern OPERATION_NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][A-Za-z0-9_]*");
    private static final Pattern INVENTORY_EXTENSION = Pattern.compile("\\.(ya?ml|ini|json|java|cfg|conf|txt|toml)$");

    /** Whether -h or --help comes before {@code --} (after it, words belong to the remote command). */
    private static boolean helpAsked(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    private static int help(String action, Console console) {
        String[] help = {"--help"};
        return switch (action) {
            case "exec" -> execute(new ExecCommand(console), help, console);
            case "fact" -> execute(new FactCommand(console), help, console);
            default -> {
                console.out().println(dev.jinfra.catalog.OperationHelp.text(action));
                yield execute(new OperationCommand(console), help, console);
            }
        };
    }

    static int execute(Object command, String[] args, Console console) {
        var cli = new CommandLine(command);
        // An Ansible project's ansible.cfg gives defaults (forks, become, the vault password file) to the options
        // the command line leaves out.
        cli.setDefaultValueProvider(AnsibleConfig.of(console).options());
        cli.setOut(new java.io.PrintWriter(console.out(), true));
        cli.setErr(new java.io.PrintWriter(console.err(), true));
        boolean debug = List.of(args).contains("--debug");
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, console, debug));
        cli.setParameterExceptionHandler((e, a) -> {
            console.err().println("jinfra: " + e.getMessage());
            if (e instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getSuggestions().isEmpty()) {
                console.err().println("jinfra: did you mean " + String.join(" or ", u.getSuggestions()) + "?");
            }
            String name = e.getCommandLine().getCommandName();
            boolean alone = CommandModel.ALONE.contains(name);
            console.err().println("jinfra: see: jinfra " + (alone ? "" : "INVENTORY ") + name + " --help");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    static String usage() {
        return String.join(
                "\n",
                "jinfra: infrastructure as Java code, and parallel SSH for whole fleets",
                "",
                "Usage:",
                "  jinfra INVENTORY exec [OPTIONS] -- COMMAND   run COMMAND on every host at once",
                "  jinfra INVENTORY DEPLOY.java... [OPTIONS]    run Java deploy files (--dry to preview)",
                "  jinfra INVENTORY OPERATION [ARG=VALUE...]     run one operation, e.g. files.directory path=/srv",
                "  jinfra INVENTORY fact NAME [ARG=VALUE...]     print a fact of every host, e.g. fact DirectoryInfo path=/srv",
                "  jinfra demo [--hosts N]                      exec on an in-process fleet of test hosts",
                "  jinfra init [DIR]                            set up DIR for writing deploy files in an IDE",
                "  jinfra report FILE|DIR|-...                  merge the --json-file output of a run's shards",
                "  jinfra completion                            print a bash completion script: source <(jinfra completion)",
                "  jinfra --help | --version",
                "",
                "INVENTORY is a file (jinfra YAML, Ansible INI or YAML), an Ansible inventory directory or targets on the command line:",
                "  web-01,web-02   root@db:2222   web-[01-50].example.com   @local",
                "  @docker/NAME   @podman/NAME   @chroot/PATH   (a running container, a directory to chroot into)",
                "",
                "Run 'jinfra INVENTORY exec --help' for the options; 'jinfra help operations' and 'jinfra help facts'",
                "list what deploys and the command line can use, 'jinfra help NAME' one of them.",
                "Exit codes: 0 all succeeded, 1 some failed, 2 usage error, 3 some unreachable, 130 interrupted, 70 internal error.");
    }
}
