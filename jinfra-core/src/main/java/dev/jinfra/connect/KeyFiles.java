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
        FilePasswordProvider password = (session, resource, retryIndex) -> {
            if (retryIndex > 0) {
                return null;
            }
            String env = System.getenv(passphraseEnv != null ? passphraseEnv : PassphraseSource.DEFAULT_ENV);
            return env != null ? env : passphrases.passphrase(file);
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
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Loaded(List.of(), "cannot load private key " + file + ": " + why);
        }
    }
}
