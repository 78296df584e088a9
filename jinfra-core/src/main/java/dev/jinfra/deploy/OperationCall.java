package dev.jinfra.deploy;

import dev.jinfra.api.Operation;
import dev.jinfra.command.Secret;
import java.time.Duration;

/**
 * An operation as registered by deploy code, with its arguments and the settings chained onto it:
 * {@code apt.packages("nginx").latest(true).name("Install nginx").sudo().serial()}. Arguments are the
 * operation's own, as the reference and the command line name them; settings say how its commands run, and those
 * made here win over those of a deploy piece, host data and the command line.
 *
 * <p>Front doors return a typed call for each operation ({@code FilesDirectoryCall} for {@code files.directory}),
 * generated from the operation's record when jinfra is built: it has a method per argument and returns itself from
 * every method here, so a chain keeps its type. {@link #arg} gives an argument by name, as the command line does.
 * Only this package makes calls, so that every call is registered.
 */
public class OperationCall {
    // Null while arguments given by name wait to be built into the record (on first use, at the latest once the
    // host's deploy code has run).
    private Operation operation;
    // The operation's arguments by name, from the first one deploy code gives.
    private OperationArguments arguments;
    private boolean sealed;
    private String name;
    // Settings made on this operation itself, and those of the deploy piece it was called in.
    private Settings own = Settings.NONE;
    private final Settings piece;
    private ExecutionShape shape = ExecutionShape.ALL;
    private boolean noDiff;
    // Set by the runner once this operation has run on its host: what deploy code's when(...) conditions ask.
    private volatile boolean changed;
    private volatile boolean failed;

    OperationCall(Operation operation, Settings piece) {
        this.operation = operation;
        this.piece = piece;
    }

    OperationCall(OperationArguments arguments, Settings piece) {
        this.arguments = arguments;
        this.piece = piece;
    }

    /** A typed call's start: every argument of {@code type} at its default. */
    OperationCall(Class<? extends Record> type, Settings piece) {
        this(OperationArguments.defaults(type), piece);
    }

    /** Starts from an operation already built (a front door that takes the whole record), to change it further. */
    final void startFrom(Operation built) {
        if (arguments != null && built.getClass() != arguments.type()) {
            throw new IllegalArgumentException(arguments.operation() + " cannot start from " + built.describe());
        }
        operation = built;
        arguments = null;
    }

    /** The operation with every argument given so far. */
    public Operation operation() {
        if (operation == null) {
            operation = arguments.build();
        }
        return operation;
    }

    /**
     * Gives the operation's argument {@code name}, as the reference's table and the command line name it:
     * {@code files.directory("/srv/app").arg("recursive", true)} is {@code files.directory path=/srv/app
     * recursive=true}. Text is a String, a number an Integer, true/false a Boolean, a list a {@code List<String>}.
     *
     * @param name the argument's name, e.g. {@code recursive}
     * @param value its value; null for "not given" where the argument may be left out
     * @throws IllegalArgumentException when the operation has no such argument or the value is of another type
     */
    public OperationCall arg(String name, Object value) {
        return argument(name, value, null);
    }

    /** The operation's {@code present=false}: the thing it manages should not be there. */
    @SetsArgument("present")
    public OperationCall absent() {
        return argument("present", false, "absent()");
    }

    /**
     * The operation's {@code mode} argument.
     *
     * @param mode octal permissions such as 644 or 750
     */
    @SetsArgument("mode")
    public OperationCall mode(String mode) {
        return argument("mode", mode, "mode(..)");
    }

    /**
     * The operation's {@code owner} argument.
     *
     * @param owner the owning user's name
     */
    @SetsArgument("owner")
    public OperationCall owner(String owner) {
        return argument("owner", owner, "owner(..)");
    }

    /**
     * The operation's {@code group} argument: the owning group of a file, a user's primary group.
     *
     * @param group the group's name
     */
    @SetsArgument("group")
    public OperationCall group(String group) {
        return argument("group", group, "group(..)");
    }

    private OperationCall argument(String name, Object value, String shorthand) {
        if (sealed) {
            throw new IllegalStateException(
                    displayName() + ": arguments are given while the deploy code runs; the operation is already built");
        }
        if (arguments == null) {
            arguments = OperationArguments.of(operation);
        }
        arguments.set(name, value, shorthand);
        operation = null;
        return this;
    }

    /**
     * Builds the operation once its host's deploy code has run, so that a problem with its arguments is found
     * before anything runs and named with the line of the deploy that called it.
     */
    void seal(OperationId id) {
        try {
            operation();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(id.where() + ": " + e.getMessage(), e);
        }
        sealed = true;
    }

    /** The name shown in output; defaults to the operation's own description. */
    public OperationCall name(String displayName) {
        this.name = displayName;
        return this;
    }

    public OperationCall sudo() {
        own = own.sudo();
        return this;
    }

    public OperationCall sudo(String user) {
        own = own.sudo(user);
        return this;
    }

    /** The password sudo asks for, sent on standard input and never printed. */
    public OperationCall sudoPassword(Secret password) {
        own = own.sudoPassword(password);
        return this;
    }

    /** Runs the commands as {@code user} through {@code su}. */
    public OperationCall su(String user) {
        own = own.su(user);
        return this;
    }

    /** Runs the commands as {@code user} through {@code doas}. */
    public OperationCall doas(String user) {
        own = own.doas(user);
        return this;
    }

    /** The shell that interprets the commands, e.g. {@code bash}. */
    public OperationCall shell(String program) {
        own = own.shell(program);
        return this;
    }

    public OperationCall env(String variable, String value) {
        own = own.env(variable, value);
        return this;
    }

    public OperationCall chdir(String dir) {
        own = own.chdir(dir);
        return this;
    }

    public OperationCall timeout(Duration limit) {
        own = own.timeout(limit);
        return this;
    }

    /** A failure of this operation is reported but does not take the host out of the run. */
    public OperationCall ignoreErrors() {
        own = own.ignoreErrors();
        return this;
    }

    /** One host at a time, in inventory order: the rolling pattern. */
    public OperationCall serial() {
        this.shape = ExecutionShape.SERIAL;
        return this;
    }

    /** Only on the first host that has this operation. */
    public OperationCall runOnce() {
        this.shape = ExecutionShape.RUN_ONCE;
        return this;
    }

    /** At most {@code hosts} hosts at a time. */
    public OperationCall parallel(int hosts) {
        this.shape = ExecutionShape.batches(hosts);
        return this;
    }

    /**
     * Runs only if {@code condition} holds when the operation's turn comes (not when the deploy code runs):
     * {@code server.shell("systemctl reload nginx").when(config::changed)} is the handler pattern.
     */
    public OperationCall when(java.util.function.BooleanSupplier condition) {
        own = own.when(condition);
        return this;
    }

    /** Runs a failed command again up to {@code times} more times, waiting {@code delay} between tries. */
    public OperationCall retries(int times, Duration delay) {
        own = own.retries(times, delay);
        return this;
    }

    /**
     * With {@link #retries}: also run a command again while its standard output does not satisfy
     * {@code done} (e.g. {@code out -> out.contains("ready")}), up to the same number of retries.
     */
    public OperationCall retryUntil(java.util.function.Predicate<String> done) {
        own = own.retryUntil(done);
        return this;
    }

    /** Exit codes that count as success (default: only 0). */
    public OperationCall successExitCodes(Integer... codes) {
        own = own.successExitCodes(codes);
        return this;
    }

    /** When a command fails, still run the operation's remaining commands (the operation still fails). */
    public OperationCall continueOnError() {
        own = own.continueOnError();
        return this;
    }

    /** Text sent to each command's standard input. */
    public OperationCall stdin(String text) {
        own = own.stdin(text);
        return this;
    }

    /**
     * Never shows this operation's content diff (--dry, --diff): a file with secrets, a rendered template with
     * passwords. Output says only "content differs (diff hidden)".
     */
    public OperationCall noDiff() {
        this.noDiff = true;
        return this;
    }

    public boolean hidesDiff() {
        return noDiff;
    }

    /** Whether this operation changed its host; false until it has run. For {@link #when} conditions. */
    public boolean changed() {
        return changed;
    }

    /** Whether this operation failed on its host (with {@link #ignoreErrors} the run goes on). */
    public boolean failed() {
        return failed;
    }

    /** Called by the runner once the operation has run on its host. */
    public void recordOutcome(boolean changed, boolean failed) {
        this.changed = changed;
        this.failed = failed;
    }

    /** The name shown; a URL's password in it (a git remote's token) as {@code ****}. */
    public String displayName() {
        return dev.jinfra.command.Redaction.urlPasswords(
                name != null ? name : operation().describe());
    }

    /**
     * The settings this operation runs with on {@code host}: its own, else its deploy piece's, else the host's
     * data, else the command line's.
     */
    public Settings settingsFor(dev.jinfra.inventory.Host host, Settings commandLine) {
        Worked last = worked;
        if (last != null && last.own == own && last.host == host && last.commandLine == commandLine) {
            return last.settings;
        }
        Settings settings = own.over(piece).over(Settings.fromHostData(host)).over(commandLine);
        worked = new Worked(own, host, commandLine, settings);
        return settings;
    }

    /**
     * The settings last worked out, with what they came from (compared by identity: settings are replaced, never
     * changed). The engine asks for an operation's settings many times per host (probing, planning, scripting),
     * and reading them from the host's data each time was a visible share of a large run's CPU.
     */
    private record Worked(Settings own, dev.jinfra.inventory.Host host, Settings commandLine, Settings settings) {}

    private volatile Worked worked;

    public ExecutionShape shape() {
        return shape;
    }
}
