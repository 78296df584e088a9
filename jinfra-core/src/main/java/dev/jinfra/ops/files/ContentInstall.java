package dev.jinfra.ops.files;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Plan;
import dev.jinfra.deploy.UnifiedDiff;
import dev.jinfra.facts.FileContent;
import dev.jinfra.facts.FileInfo;
import dev.jinfra.facts.Sha256File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Wanted bytes at a path on the host, with a mode and owner: the planning shared by {@code files.put} (bytes of
 * a local file) and {@code files.template} (bytes of a rendered template). Uploads only when the remote checksum
 * differs, and puts the file in place atomically: uploaded to a temporary file, copied next to the destination,
 * given its mode and owner there, then renamed over the destination, so readers never see half a file.
 */
record ContentInstall(String dest, String mode, String owner, String group) {
    private static final SecureRandom RANDOM = new SecureRandom();

    // Runs as the (possibly sudo) user: copy the upload next to the destination so the final rename stays on one
    // file system, set mode and owner on the copy, rename it into place, remove the upload. Arguments are $1..$5.
    private static final String INSTALL = "set -e; tmp=\"$(dirname -- \"$2\")/.$(basename -- \"$2\")$(basename -- \"$1\")\"; "
            + "cp -- \"$1\" \"$tmp\"; "
            + "if [ -n \"$3\" ]; then chmod -- \"$3\" \"$tmp\"; fi; "
            + "if [ -n \"$4\" ]; then chown -- \"$4\" \"$tmp\"; fi; "
            + "if [ -n \"$5\" ]; then chgrp -- \"$5\" \"$tmp\"; fi; "
            + "mv -f -- \"$tmp\" \"$2\"; rm -f -- \"$1\"";

    /** Checks the arguments both operations share; {@code operation} names the operation in messages. */
    static void check(String operation, String src, String dest, String mode) {
        if (src == null || src.isBlank() || dest == null || dest.isBlank()) {
            throw new IllegalArgumentException(operation + " needs src and dest");
        }
        Ownership.checkMode(operation, mode);
    }

    Plan plan(LocalFiles.Content wanted, FactSource facts) {
        byte[] content = wanted.bytes();
        String sha = wanted.sha256();
        FileInfo.Value now = facts.get(new FileInfo(dest));
        if (now != null && !now.type().equals("regular file")) {
            throw new IllegalStateException(dest + " exists but is a " + now.type() + ", not a file");
        }
        boolean sameContent = now != null && sha.equals(facts.get(new Sha256File(dest)));
        if (sameContent) {
            List<Command> fixes = Ownership.fix(dest, now.mode(), now.owner(), now.group(), mode, owner, group);
            return fixes.isEmpty() ? Plan.noChange(dest + " is up to date") : Plan.run(fixes);
        }
        String upload = uploadPath(sha, dest);
        return Plan.upload(List.of(new Plan.Upload(content, upload)), List.of(Command.of("sh", "-c", INSTALL, "sh",
                upload, dest, mode == null ? "" : mode, owner == null ? "" : owner, group == null ? "" : group)));
    }

    /**
     * A temporary name on the host for uploading content with SHA-256 {@code sha} meant for {@code dest}: from the
     * content and the destination, plus a random part, because two runs (or two hosts sharing /tmp) uploading the
     * same file at once must not remove each other's upload.
     */
    static String uploadPath(String sha, String dest) {
        return "/tmp/.jinfra-upload-"
                + sha256((sha + "\0" + dest).getBytes(StandardCharsets.UTF_8)).substring(0, 16)
                + "-" + randomHex();
    }

    static String randomHex() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    String diff(LocalFiles.Content wanted, FactSource facts) {
        byte[] content = wanted.bytes();
        return UnifiedDiff.of(dest, facts.get(new FileContent(dest)), new String(content, StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
