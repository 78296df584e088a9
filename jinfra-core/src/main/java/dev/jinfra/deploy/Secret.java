package dev.jinfra.deploy;

/** A password or passphrase that must never be printed: its {@code toString} hides it. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The secret itself, for the one place that sends it (a command's standard input). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
