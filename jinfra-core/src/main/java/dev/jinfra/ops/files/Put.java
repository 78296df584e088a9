package dev.jinfra.ops.files;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Arg;
import dev.jinfra.deploy.Doc;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;
import dev.jinfra.facts.FileInfo;
import dev.jinfra.facts.Sha256File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code files.put}: a local file's content on the host, uploaded only when the remote checksum differs, and
 * put in place atomically: uploaded to a temporary file, copied next to the destination, given its mode and
 * owner there, then renamed over the destination, so readers never see half a file.
 */
@Doc(value = "A local file's content is at a path on the host (uploaded only when its checksum differs, replaced atomically), with a mode, owner and group.",
        example = "files.put(\"files/motd\", \"/etc/motd\", \"644\");")
public record Put(
        @Arg(value = "local file to upload (relative to the working directory)", required = true) String src,
        @Arg(value = "path on the host", required = true) String dest,
        @Arg("octal permissions such as 644; unchanged when not given") String mode,
        @Arg("owning user; unchanged when not given") String owner,
        @Arg("owning group; unchanged when not given") String group) implements Operation, dev.jinfra.deploy.Diffable {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    // Runs as the (possibly sudo) user: copy the upload next to the destination so the final rename stays on one
    // file system, set mode and owner on the copy, rename it into place, remove the upload. Arguments are $1..$5.
    private static final String INSTALL = "set -e; tmp=\"$(dirname -- \"$2\")/.$(basename -- \"$2\")$(basename -- \"$1\")\"; "
            + "cp -- \"$1\" \"$tmp\"; "
            + "if [ -n \"$3\" ]; then chmod -- \"$3\" \"$tmp\"; fi; "
            + "if [ -n \"$4\" ]; then chown -- \"$4\" \"$tmp\"; fi; "
            + "if [ -n \"$5\" ]; then chgrp -- \"$5\" \"$tmp\"; fi; "
            + "mv -f -- \"$tmp\" \"$2\"; rm -f -- \"$1\"";

    public Put {
        if (src == null || src.isBlank() || dest == null || dest.isBlank()) {
            throw new IllegalArgumentException("files.put needs src and dest");
        }
        Ownership.checkMode("files.put", mode);
    }

    @Override
    public String describe() {
        return "Upload: " + src + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        byte[] content = read();
        String sha = sha256(content);
        FileInfo.Value now = facts.get(new FileInfo(dest));
        if (now != null && !now.type().equals("regular file")) {
            throw new IllegalStateException(dest + " exists but is a " + now.type() + ", not a file");
        }
        boolean sameContent = now != null && sha.equals(facts.get(new Sha256File(dest)));
        if (sameContent) {
            List<Command> fixes = Ownership.fix(dest, now.mode(), now.owner(), now.group(), mode, owner, group);
            return fixes.isEmpty() ? Plan.noChange(dest + " is up to date") : Plan.run(fixes);
        }
        // The upload's name comes from the content and the destination, plus a random part: two runs (or two
        // hosts sharing /tmp) uploading the same file at once must not remove each other's upload.
        String upload = "/tmp/.jinfra-upload-"
                + sha256((sha + "\0" + dest).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16)
                + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        return Plan.upload(List.of(new Plan.Upload(content, upload)), List.of(Command.of("sh", "-c", INSTALL, "sh",
                upload, dest, mode == null ? "" : mode, owner == null ? "" : owner, group == null ? "" : group)));
    }

    @Override
    public String diff(FactSource facts) {
        String wanted = new String(read(), java.nio.charset.StandardCharsets.UTF_8);
        return dev.jinfra.deploy.UnifiedDiff.of(dest, facts.get(new dev.jinfra.facts.FileContent(dest)), wanted);
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(Path.of(src));
        } catch (IOException e) {
            throw new UncheckedIOException("files.put: cannot read local file " + src + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
