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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Private keys read once per run and shared by every host that uses them: a thousand hosts with one key file
 * decrypt it once and ask for its passphrase at most once.
 *
 * <p>Keys somebody named (ssh_key, an IdentityFile that exists; see {@link SshConfigFile#identityFiles}) must
 * load, or the host fails with the reason. The default
 * ~/.ssh/id_* files nobody named are skipped when they cannot be used, with one warning per file and run, as
 * OpenSSH skips them: an encrypted one must not make every host unreachable when ssh-agent or another key
 * would log in. Like OpenSSH, which tries the agent's keys first, jinfra does not ask for a default key's
 * passphrase while the agent holds keys.
 */
final class KeyFiles {
    private record Loaded(List<KeyPair> keys, String error) {}

    private record Source(Path file, boolean implicit) {}

    private final Map<Source, Loaded> cache = new ConcurrentHashMap<>();
    private final PassphraseSource passphrases;
    private final BooleanSupplier agentHoldsKeys;
    private final Consumer<String> warnings;

    /**
     * @param agentHoldsKeys asked only when a default key turns out to need a passphrase, and at most once
     */
    KeyFiles(PassphraseSource passphrases, BooleanSupplier agentHoldsKeys, Consumer<String> warnings) {
        this.passphrases = passphrases;
        this.agentHoldsKeys = agentHoldsKeys;
        this.warnings = warnings;
    }

    /** The key pairs of {@code files}, read on first use: a named key that cannot be read fails every time. */
    List<KeyPair> load(List<Path> files, boolean implicit, String passphraseEnv) throws UnreachableException {
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : files) {
            var source = new Source(file.toAbsolutePath().normalize(), implicit);
            Loaded loaded = cache.computeIfAbsent(source, f -> read(f, passphraseEnv));
            if (loaded.error() != null && !implicit) {
                throw new UnreachableException(UnreachableException.Reason.KEY_UNREADABLE, loaded.error());
            }
            keys.addAll(loaded.keys());
        }
        return keys;
    }

    private Loaded read(Source source, String passphraseEnv) {
        Loaded loaded = read(source.file(), source.implicit(), passphraseEnv);
        if (loaded.error() != null && source.implicit()) {
            // Once: the result is cached for the run.
            warnings.accept("skipping default key: " + loaded.error());
        }
        return loaded;
    }

    private Loaded read(Path file, boolean implicit, String passphraseEnv) {
        if (!Files.isReadable(file)) {
            return new Loaded(List.of(), "cannot read private key " + file);
        }
        String env = passphraseEnv != null ? passphraseEnv : PassphraseSource.DEFAULT_ENV;
        // Where the passphrase came from, if MINA asked for one: error messages must tell a key that needed a
        // passphrase and got none from one whose passphrase was wrong, and say where a passphrase is read from.
        String[] givenBy = {null};
        boolean[] asked = {false};
        boolean[] withheld = {false};
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
            if (implicit && agentHoldsKeys.getAsBoolean()) {
                withheld[0] = true;
                return null;
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
            if (withheld[0]) {
                return new Loaded(
                        List.of(),
                        "private key " + file + " is encrypted, and ssh-agent holds keys, so its"
                                + " passphrase was not asked for (set " + env
                                + ", or name the key in ssh_key, to use it too)");
            }
            if (asked[0] && givenBy[0] == null) {
                return new Loaded(
                        List.of(),
                        "private key " + file + " is encrypted and no passphrase was given: set " + env
                                + (passphraseEnv == null ? " (or name another variable in ssh_key_password_env)" : ""));
            }
            if (givenBy[0] != null) {
                // Decryption "succeeded" with the wrong key material, so MINA reports garbage (mismatched check
                // values, bad padding) rather than a wrong passphrase.
                return new Loaded(
                        List.of(), "cannot decrypt private key " + file + ": wrong passphrase from " + givenBy[0]);
            }
            String why = dev.jinfra.problem.Problems.inWords(e);
            return new Loaded(List.of(), "cannot load private key " + file + ": " + why);
        }
    }
}
