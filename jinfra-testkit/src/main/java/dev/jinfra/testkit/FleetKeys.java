package dev.jinfra.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The key pairs of one fleet. Every host serves the same host key: generating one per host would make a
 * 1000-host fleet pay for 1000 generations, and known_hosts entries are per port anyway. A second host key is
 * kept for {@link Fault#CHANGED_HOST_KEY}.
 *
 * @param hostKey        what every host serves normally
 * @param changedHostKey what a host with {@link Fault#CHANGED_HOST_KEY} serves instead
 * @param clientKey      the only key the fleet accepts for public key authentication
 */
record FleetKeys(KeyPair hostKey, KeyPair changedHostKey, KeyPair clientKey) {

    static FleetKeys generate() {
        return new FleetKeys(newKeyPair(), newKeyPair(), newKeyPair());
    }

    /** Ed25519 where MINA can use it (it needs Bouncy Castle or net.i2p), else ECDSA P-256. */
    private static KeyPair newKeyPair() {
        try {
            if (SecurityUtils.isEDDSACurveSupported()) {
                return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            }
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an SSH key pair", e);
        }
    }

    String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** The {@code type base64} form used in known_hosts and authorized_keys. */
    static String publicKeyLine(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** Writes the client key in OpenSSH format, readable only by its owner as ssh(1) insists. */
    void writeClientKey(Path privateKeyFile, Path publicKeyFile) {
        try {
            Files.createFile(
                    privateKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(privateKeyFile)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                        clientKey, "jinfra-fleet", (OpenSSHKeyEncryptionContext) null, out);
            }
            Files.writeString(publicKeyFile, publicKeyLine(clientKey.getPublic()) + " jinfra-fleet\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fleet's client key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the fleet's client key", e);
        }
    }
}
