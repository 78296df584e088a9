package dev.jinfra.connect;

import dev.jinfra.api.Payload;
import dev.jinfra.command.ShellQuote;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An upload sent on the standard input of the command that installs it, so that the content and its install are
 * one exchange with the host instead of an SFTP session (a channel, a subsystem and several requests, each a
 * round trip) followed by a command.
 *
 * <p>The command first copies exactly the payload's size from its input to the upload's path, then reads one more
 * line. GNU's {@code head -c} reads no further than the size; BusyBox's reads its input through a buffer and takes
 * what follows too, whenever it has already arrived (Alpine hosts and most small container images), so there
 * {@code dd} counts the bytes instead, with whole blocks from a pipe. Then the line is read: {@code ok} when the whole
 * content went out and the local file did not change meanwhile. Anything else (a file that changed, a
 * connection that dropped half way, so the input ends early) removes the partial upload and fails the command
 * before it installs anything: an end of input alone never passes for a complete upload.
 */
public final class PipedUpload {
    /** The exit status of a command whose upload did not arrive whole. */
    public static final int INCOMPLETE = 97;

    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_OK = "no\n".getBytes(StandardCharsets.UTF_8);

    private PipedUpload() {}

    /**
     * Shell text that asks which head the host has, once per shell: a script with several uploads, each in a
     * subshell of its own, runs this first, so that the subshells find the answer and start one process fewer each.
     */
    public static String whichHead() {
        return "[ -n \"${jinfra_head-}\" ] || if head --version >/dev/null 2>&1; then jinfra_head=gnu; "
                + "else jinfra_head=other; fi; ";
    }

    /** Shell text to run before a command that expects the payload at {@code path}. */
    public static String prefix(String path, long size) {
        String p = ShellQuote.quote(path);
        // The subshell keeps the private umask to the upload: the install reads the caller's umask for new files.
        return whichHead()
                + "(umask 077 && if [ \"$jinfra_head\" = gnu ]; then exec head -c " + size
                + "; else exec dd bs=65536 count=" + size + " iflag=count_bytes,fullblock status=none; fi > " + p
                + ") && IFS= read -r jinfra_ok && [ \"$jinfra_ok\" = ok ]"
                + " || { rm -f -- " + p + "; echo 'the upload did not arrive whole; nothing was installed' >&2; exit "
                + INCOMPLETE + "; }; unset jinfra_ok; ";
    }

    /**
     * Writes what a command reads on standard input: the request's own input, then each upload in turn; an upload
     * refused (its local file changed) is noted in {@code err}, and its command installs nothing.
     *
     * @throws IOException when writing to the command failed
     */
    static void writeInput(CommandRequest request, OutputStream stdin, OutputCapture err) throws IOException {
        if (request.stdin() != null) {
            stdin.write(request.stdin());
        }
        for (var upload : request.uploads()) {
            String refused = send(upload, stdin);
            if (refused != null) {
                err.note(refused);
            }
        }
    }

    /**
     * Sends the payload and the line that confirms it.
     *
     * @return null when it went out whole, else why not (the local file changed), in which case the command was
     *     told and installs nothing
     * @throws IOException when writing to the host failed (the connection's problem)
     */
    static String send(Payload payload, OutputStream stdin) throws IOException {
        try {
            PayloadStream.copy(payload, stdin, "the host");
        } catch (PayloadStream.LocalFileChanged e) {
            stdin.write(NOT_OK);
            return "the local file changed while the run was using it; nothing was installed (run again)";
        }
        stdin.write(OK);
        return null;
    }
}
