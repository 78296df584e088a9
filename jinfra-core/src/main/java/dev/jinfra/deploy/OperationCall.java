package dev.jinfra.deploy;

import dev.jinfra.api.Operation;
import java.time.Duration;

/**
 * An operation as registered by deploy code, with the settings chained onto it:
 * {@code apt.packages("nginx").name("Install nginx").sudo().serial()}. Settings made here win over those of
 * a deploy piece, host data and the command line.
 */
public final class OperationCall {
    private final Operation operation;
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

    public Operation operation() {
        return operation;
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
        return dev.jinfra.command.Redaction.urlPasswords(name != null ? name : operation.describe());
    }

    /**
     * The settings this operation runs with on {@code host}: its own, else its deploy piece's, else the host's
     * data, else the command line's.
     */
    public Settings settingsFor(dev.jinfra.inventory.Host host, Settings commandLine) {
        return own.over(piece).over(Settings.fromHostData(host)).over(commandLine);
    }

    public ExecutionShape shape() {
        return shape;
    }
}
