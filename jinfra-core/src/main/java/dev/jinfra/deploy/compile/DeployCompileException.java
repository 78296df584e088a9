package dev.jinfra.deploy.compile;

import java.io.Serial;
import java.util.List;

/**
 * Deploy files that did not compile (or have nothing to run). The message has one line per error, like
 * {@code deploy.java:12:9: error: cannot find symbol: variable aptt}, at most {@value #SHOWN} of them and
 * then how many more; {@link #errors()} has them all. Nothing of any deploy ran.
 */
public final class DeployCompileException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** How many errors the message lists before "and N more". */
    public static final int SHOWN = 10;

    private final List<String> errors;

    public DeployCompileException(List<String> errors) {
        super(summarize(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error, one line each, in file order and then javac's order. */
    public List<String> errors() {
        return errors;
    }

    private static String summarize(List<String> errors) {
        if (errors.size() <= SHOWN) {
            return String.join("\n", errors);
        }
        return String.join("\n", errors.subList(0, SHOWN)) + "\nand " + (errors.size() - SHOWN) + " more";
    }
}
