package dev.jinfra.connect;

import java.nio.file.Path;

/**
 * Supplies the passphrase of an encrypted private key. The command line asks the terminal once per key file;
 * library users can supply their own. Returns null when no passphrase can be had.
 */
@FunctionalInterface
public interface PassphraseSource {
    /** The environment variable read when a host names none of its own ({@code ssh_key_password_env}). */
    String DEFAULT_ENV = "JINFRA_SSH_KEY_PASSPHRASE";

    PassphraseSource NONE = key -> null;

    String passphrase(Path keyFile);
}
