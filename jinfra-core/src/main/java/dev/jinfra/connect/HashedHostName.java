package dev.jinfra.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.sshd.client.config.hosts.KnownHostDigest;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;

/**
 * The test of one hashed known_hosts line ({@code |1|salt|hash}, OpenSSH's {@code HashKnownHosts}): HMAC-SHA1
 * of the host name keyed with the line's salt. A hashed line cannot be indexed, so every host of a run is
 * tried against every hashed line; with a hashed known_hosts of a thousand lines and a thousand hosts that is a
 * million HMACs. MINA makes a new MAC for each; here the two SHA-1 states after the key's pads are computed
 * once per line and copied for each host, which makes a test several times cheaper.
 */
final class HashedHostName {
    private static final int SHA1_BLOCK = 64;

    private final MessageDigest innerKeyed;
    private final MessageDigest outerKeyed;
    private final byte[] expected;

    private HashedHostName(MessageDigest innerKeyed, MessageDigest outerKeyed, byte[] expected) {
        this.innerKeyed = innerKeyed;
        this.outerKeyed = outerKeyed;
        this.expected = expected;
    }

    /** The test for a line that is only a hashed name, or null when the line is anything else. */
    static HashedHostName of(KnownHostEntry entry) {
        KnownHostHashValue hashed = entry.getHashedEntry();
        if (hashed == null
                || (entry.getPatterns() != null && !entry.getPatterns().isEmpty())
                || !KnownHostDigest.SHA1.getName().equals(hashed.getDigester().getName())) {
            return null;
        }
        byte[] salt = hashed.getSaltValue();
        if (salt == null || salt.length > SHA1_BLOCK || hashed.getDigestValue() == null) {
            return null;
        }
        try {
            MessageDigest inner = MessageDigest.getInstance("SHA-1");
            MessageDigest outer = MessageDigest.getInstance("SHA-1");
            byte[] innerPad = new byte[SHA1_BLOCK];
            byte[] outerPad = new byte[SHA1_BLOCK];
            for (int i = 0; i < SHA1_BLOCK; i++) {
                byte k = i < salt.length ? salt[i] : 0;
                innerPad[i] = (byte) (k ^ 0x36);
                outerPad[i] = (byte) (k ^ 0x5c);
            }
            inner.update(innerPad);
            outer.update(outerPad);
            // Copies are what make this cheap; a digest that cannot be copied leaves the line to MINA.
            inner.clone();
            return new HashedHostName(inner, outer, hashed.getDigestValue().clone());
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }

    /** The text OpenSSH hashes for a host: its name, or {@code [name]:port} off port 22. */
    static byte[] hashedForm(String host, int port) {
        return KnownHostHashValue.createHostPattern(host, port).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether this line names the host whose {@link #hashedForm} is given. */
    boolean matches(byte[] hostForm) {
        try {
            MessageDigest inner = (MessageDigest) innerKeyed.clone();
            inner.update(hostForm);
            MessageDigest outer = (MessageDigest) outerKeyed.clone();
            outer.update(inner.digest());
            return MessageDigest.isEqual(outer.digest(), expected);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-1 digest stopped supporting copies", e);
        }
    }
}
