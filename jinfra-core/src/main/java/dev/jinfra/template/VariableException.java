package dev.jinfra.template;

/**
 * A variable whose value is itself a template (Ansible's {@code db_url: "{{ db_user }}@{{ db_host }}"}) could not
 * be evaluated. The message is one line that names the variable, the host and where the value was written; a
 * template that reads the variable fails with this message as it is, since the fault is in the value, not in
 * the template.
 */
public class VariableException extends RuntimeException {
    /** @param undefined whether the value names a variable that is not defined (then {@code default()} applies) */
    public VariableException(String message, boolean undefined) {
        super(message);
        this.undefined = undefined;
    }

    private final boolean undefined;

    /**
     * Whether the value could not be evaluated only because it names an undefined variable: Ansible then treats the
     * variable itself as undefined, so {@code x | default(..)} and {@code x is defined} still work.
     */
    public boolean undefined() {
        return undefined;
    }

    /** The first {@link VariableException} among {@code e} and its causes, or null. */
    static VariableException in(Throwable e) {
        for (int depth = 0; e != null && depth < 20; depth++, e = e.getCause()) {
            if (e instanceof VariableException found) {
                return found;
            }
        }
        return null;
    }
}
