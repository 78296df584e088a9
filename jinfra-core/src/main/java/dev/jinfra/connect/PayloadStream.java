package dev.jinfra.connect;

import dev.jinfra.api.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a payload to an upload's output in chunks, so memory does not grow with the file, computing its SHA-256
 * on the way: a local file that changed since it was planned from fails the upload before anything is installed.
 */
final class PayloadStream {
    private PayloadStream() {}

    static void copy(Payload payload, OutputStream out, String remotePath) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = new DigestInputStream(payload.open(), sha)) {
            in.transferTo(out);
        }
        String expected = payload.sha256();
        if (expected != null && !expected.equals(HexFormat.of().formatHex(sha.digest()))) {
            throw new IOException("the local file changed while the run was using it; nothing was installed at "
                    + remotePath + " (run again)");
        }
    }
}
