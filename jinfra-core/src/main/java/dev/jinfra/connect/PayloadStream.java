package dev.jinfra.connect;

import dev.jinfra.api.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a payload to an upload's output in chunks, so memory does not grow with the file. A local file that
 * changed since it was planned from, before or while it was sent, fails the upload before anything is installed.
 */
final class PayloadStream {
    private PayloadStream() {}

    static void copy(Payload payload, OutputStream out, String remotePath) throws IOException {
        unchanged(payload, remotePath);
        long sent;
        try (InputStream in = open(payload, remotePath)) {
            // Failures to write are the connection's, and pass on as they are.
            sent = in.transferTo(out);
        }
        unchanged(payload, remotePath);
        if (sent != payload.size()) {
            throw changed(remotePath);
        }
    }

    private static void unchanged(Payload payload, String remotePath) throws IOException {
        try {
            payload.checkUnchanged();
        } catch (IOException e) {
            throw changed(remotePath);
        }
    }

    private static InputStream open(Payload payload, String remotePath) throws IOException {
        try {
            return payload.open();
        } catch (IOException e) {
            throw changed(remotePath);
        }
    }

    private static IOException changed(String remotePath) {
        return new LocalFileChanged("the local file changed while the run was using it; nothing was installed at "
                + remotePath + " (run again)");
    }

    /** The local file is not what the run planned from; not a problem of the connection. */
    static final class LocalFileChanged extends IOException {
        LocalFileChanged(String message) {
            super(message);
        }
    }
}
