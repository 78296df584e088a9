package dev.jinfra.ops.files;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Plan;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * Putting bytes at a path on the host atomically: uploaded to a temporary file, copied next to the destination,
 * given its mode and owner there, then renamed over the destination, so readers never see half a file. Shared
 * by every operation that writes a whole file (files.put, files.template, apt.repo, dnf.repo, ...).
 */
public final class Uploads {
    private Uploads() {}

    private static final SecureRandom RANDOM = new SecureRandom();

    // Runs as the (possibly sudo) user: copy the upload next to the destination so the final rename stays on one
    // file system, set mode and owner on the copy, rename it into place, remove the upload. Arguments are $1..$5.
    private static final String INSTALL = "set -e; tmp=\"$(dirname -- \"$2\")/.$(basename -- \"$2\")$(basename -- \"$1\")\"; "
            + "cp -- \"$1\" \"$tmp\"; "
            + "if [ -n \"$3\" ]; then chmod -- \"$3\" \"$tmp\"; fi; "
            + "if [ -n \"$4\" ]; then chown -- \"$4\" \"$tmp\"; fi; "
            + "if [ -n \"$5\" ]; then chgrp -- \"$5\" \"$tmp\"; fi; "
            + "mv -f -- \"$tmp\" \"$2\"; rm -f -- \"$1\"";

    /** The upload and the command that moves it into place; null mode, owner or group leave those as they come. */
    public static Plan install(byte[] content, String dest, String mode, String owner, String group) {
        return install(content, ContentInstall.sha256(content), dest, mode, owner, group);
    }

    /** As above, with the content's SHA-256 already known (local files are hashed once, not per host). */
    public static Plan install(byte[] content, String sha256, String dest, String mode, String owner, String group) {
        String upload = uploadName(sha256, dest);
        return Plan.upload(List.of(new Plan.Upload(content, upload)), List.of(Command.of("sh", "-c", INSTALL, "sh",
                upload, dest, mode == null ? "" : mode, owner == null ? "" : owner, group == null ? "" : group)));
    }

    public static Plan install(String text, String dest, String mode) {
        return install(text.getBytes(StandardCharsets.UTF_8), dest, mode, null, null);
    }

    /**
     * A temporary name on the host for an upload: from the content and the destination, plus a random part, so
     * two runs (or two hosts sharing /tmp) uploading the same file at once never remove each other's upload.
     */
    public static String uploadName(String contentSha256, String dest) {
        return "/tmp/.jinfra-upload-"
                + ContentInstall.sha256((contentSha256 + "\0" + dest).getBytes(StandardCharsets.UTF_8)).substring(0, 16)
                + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    /** A local file (read once per content, see {@link LocalFiles}) uploaded to a temporary name, for a command that takes it from there. */
    public static Plan.Upload local(String operation, String file, String dest) {
        LocalFiles.Content content = LocalFiles.read(operation, file);
        return new Plan.Upload(content.bytes(), uploadName(content.sha256(), dest));
    }
}
