package dev.jinfra.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operation as registered by deploy code, with the settings chained onto it:
 * {@code apt.packages("nginx").name("Install nginx").sudo().serial()}. Settings made here win over those of
 * a deploy piece, host data and the command line.
 */
public final class OperationCall {
    private final Operation operation;
    private String name;
    private Boolean sudo;
    private String sudoUser;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String chdir;
    private Duration timeout;
    private boolean ignoreErrors;
    private ExecutionShape shape = ExecutionShape.ALL;

    OperationCall(Operation operation) {
        this.operation = operation;
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
        this.sudo = true;
        return this;
    }

    public OperationCall sudo(String user) {
        this.sudo = true;
        this.sudoUser = user;
        return this;
    }

    public OperationCall env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    public OperationCall chdir(String dir) {
        this.chdir = dir;
        return this;
    }

    public OperationCall timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** A failure of this operation is reported but does not take the host out of the run. */
    public OperationCall ignoreErrors() {
        this.ignoreErrors = true;
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

    public String displayName() {
        return name != null ? name : operation.describe();
    }

    public boolean usesSudo() {
        return Boolean.TRUE.equals(sudo);
    }

    public String sudoUser() {
        return sudoUser;
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public String chdirOrNull() {
        return chdir;
    }

    public Duration timeoutOrZero() {
        return timeout == null ? Duration.ZERO : timeout;
    }

    public boolean ignoresErrors() {
        return ignoreErrors;
    }

    public ExecutionShape shape() {
        return shape;
    }
}
