package dev.jinfra.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Private keys read once per run and shared by every host that uses them: a thousand hosts with one key file
 * decrypt it once and ask for its passphrase at most once.
 */
final class KeyFiles {
    private record Loaded(List<KeyPair> keys, String error) {}

    private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();
    private final PassphraseSource passphrases;

    KeyFiles(PassphraseSource passphrases) {
        this.passphrases = passphrases;
    }

    /** The key pairs in {@code file}, reading it on first use; a file that cannot be read fails every time. */
    List<KeyPair> load(Path file, String passphraseEnv) throws UnreachableException {
        Loaded loaded = cache.computeIfAbsent(file.toAbsolutePath().normalize(), f -> read(f, passphraseEnv));
        if (loaded.error() != null) {
            throw new UnreachableException(UnreachableException.Reason.KEY_UNREADABLE, loaded.error());
        }
        return loaded.keys();
    }

    private Loaded read(Path file, String passphraseEnv) {
        if (!Files.isReadable(file)) {
            return new Loaded(List.of(), "cannot read private key " + file);
        }
        String env = passphraseEnv != null ? passphraseEnv : PassphraseSource.DEFAULT_ENV;
        // Where the passphrase came from, if MINA asked for one: error messages must tell a key that needed a
        // passphrase and got none from one whose passphrase was wrong, and say where a passphrase is read from.
        String[] givenBy = {null};
        boolean[] asked = {false};
        FilePasswordProvider password = (session, resource, retryIndex) -> {
            if (retryIndex > 0) {
                return null;
            }
            asked[0] = true;
            String fromEnv = System.getenv(env);
            if (fromEnv != null) {
                givenBy[0] = "the environment variable " + env;
                return fromEnv;
            }
            String entered = passphrases.passphrase(file);
            givenBy[0] = entered == null ? null : "the passphrase prompt";
            return entered;
        };
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, password);
            List<KeyPair> keys = new ArrayList<>();
            if (pairs != null) {
                pairs.forEach(keys::add);
            }
            if (keys.isEmpty()) {
                return new Loaded(List.of(), "no key found in " + file);
            }
            return new Loaded(List.copyOf(keys), null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (asked[0] && givenBy[0] == null) {
                return new Loaded(List.of(), "private key " + file + " is encrypted and no passphrase was given: set "
                        + env + (passphraseEnv == null ? " (or name another variable in ssh_key_password_env)" : ""));
            }
            if (givenBy[0] != null) {
                // Decryption "succeeded" with the wrong key material, so MINA reports garbage (mismatched check
                // values, bad padding) rather than a wrong passphrase.
                return new Loaded(List.of(), "cannot decrypt private key " + file + ": wrong passphrase from " + givenBy[0]);
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Loaded(List.of(), "cannot load private key " + file + ": " + why);
        }
    }
}
