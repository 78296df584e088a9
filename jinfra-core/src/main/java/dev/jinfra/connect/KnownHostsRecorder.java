package dev.jinfra.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Appends keys learnt with {@code accept-new} to a known_hosts file. MINA's own update raced when many sessions
 * learnt keys at the same moment (lines were lost in testing), so writes are serialised per file within the
 * process and with a file lock across processes, and each is one append of a whole line. With the ssh config's
 * {@code HashKnownHosts yes} the host name is written hashed, as OpenSSH writes it.
 */
final class KnownHostsRecorder {
    /** How many lines a file had at a size this process last saw, so line numbers need no re-read after each write. */
    private record Count(long size, int lines) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Path, Count> counts = new ConcurrentHashMap<>();

    /**
     * Appends {@code key} unless {@code again}, asked while the file is locked, finds the host no longer
     * unknown: then the key is accepted without a write if already there, and refused if another one is.
     */
    boolean record(
            ConnectAttempt attempt, KnownHostsFile file, PublicKey key, Supplier<KnownHostsCheck.Verdict> again) {
        Path path = file.path;
        synchronized (file) {
            try {
                // Under the hop's own name: a jump host's key recorded as the target's made the target's
                // own key look changed.
                String name = attempt.displayAddress();
                StringBuilder line =
                        new StringBuilder(attempt.settings.hashKnownHosts() ? hashed(name) : name).append(' ');
                PublicKeyEntry.appendPublicKeyEntry(line, key);
                String text = line.toString();
                line.append('\n');
                if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
                    // Private like ssh(1) makes ~/.ssh: 0700, not the umask's 0755.
                    Files.createDirectories(
                            path.getParent(),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                }
                int number;
                try (FileChannel ch = FileChannel.open(
                                path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                        FileLock lock = ch.lock()) {
                    KnownHostsCheck.Verdict verdict = again.get();
                    if (verdict != KnownHostsCheck.Verdict.UNKNOWN) {
                        return verdict == KnownHostsCheck.Verdict.KNOWN;
                    }
                    long size = ch.size();
                    Count before = counts.get(path);
                    int lines = before != null && before.size() == size ? before.lines() : countLines(ch);
                    if (size > 0 && !endsWithNewline(ch)) {
                        line.insert(0, '\n');
                        lines++;
                    }
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    // At the end as found under the lock: other writers append under the same lock.
                    ch.write(ByteBuffer.wrap(bytes), size);
                    number = lines + 1;
                    counts.put(path, new Count(size + bytes.length, number));
                    // Still under the lock, so the file as it is now is the file as loaded plus this line.
                    file.added(KnownHostEntry.parseKnownHostEntry(text), key, number);
                }
                return true;
            } catch (IOException e) {
                attempt.refuse(
                        "cannot record host key in " + path + ": " + e.getMessage(),
                        UnreachableException.Reason.HOST_KEY_UNKNOWN);
                return false;
            }
        }
    }

    /**
     * {@code name} hashed as OpenSSH's {@code HashKnownHosts} writes it: {@code |1|salt|hash}, with a random
     * 20-byte salt and the HMAC-SHA1 of the name ({@code host} or {@code [host]:port}) keyed with it, both
     * in base64.
     */
    static String hashed(String name) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    private static int countLines(FileChannel ch) throws IOException {
        int lines = 0;
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long at = 0;
        for (int n; (n = ch.read(buf.clear(), at)) > 0; at += n) {
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    private static boolean endsWithNewline(FileChannel ch) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, ch.size() - 1);
        return last.get(0) == '\n';
    }
}
