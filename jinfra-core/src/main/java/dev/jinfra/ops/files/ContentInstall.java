package dev.jinfra.ops.files;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.api.UnifiedDiff;
import dev.jinfra.command.Command;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Wanted bytes at a path on the host, with a mode and owner: the planning shared by {@code files.put} (bytes of
 * a local file) and {@code files.template} (bytes of a rendered template). Uploads only when the remote checksum
 * differs, and puts the file in place atomically (see {@link Uploads}).
 */
record ContentInstall(String dest, String mode, String owner, String group) {
    /** Checks the arguments both operations share; {@code operation} names the operation in messages. */
    static void check(String operation, String src, String dest, String mode) {
        if (src == null || src.isBlank() || dest == null || dest.isBlank()) {
            throw new IllegalArgumentException(operation + " needs src and dest");
        }
        Ownership.checkMode(operation, mode);
    }

    /** Diffs are shown for files up to this size; a larger one is said to differ, with both sizes. */
    static final long DIFF_LIMIT = 1024 * 1024;

    Plan plan(LocalFiles.Content wanted, FactSource facts) {
        String sha = wanted.sha256();
        // Asked before knowing whether the file exists, so both facts come in the host's first combined probe; a
        // missing file only makes sha256sum fail, which reads as absent.
        String remoteSha = facts.get(new Sha256File(dest));
        FileInfo.Value now = facts.get(new FileInfo(dest));
        // isFile, not the type text: GNU stat calls an empty file "regular empty file".
        if (now != null && !now.isFile()) {
            throw new IllegalStateException(dest + " exists but is a " + now.type() + ", not a file");
        }
        boolean sameContent = now != null && sha.equals(remoteSha);
        if (sameContent) {
            List<Command> fixes = Ownership.fix(dest, now.mode(), now.owner(), now.group(), mode, owner, group);
            return fixes.isEmpty() ? Plan.noChange(dest + " is up to date") : Plan.run(fixes);
        }
        return Uploads.install(wanted.payload(), sha, dest, mode, owner, group);
    }

    String diff(LocalFiles.Content wanted, FactSource facts) {
        // Neither side is read whole when it is large: a diff of a disk image helps nobody, and would cost its size
        // in memory here and as the host's file content fact.
        FileInfo.Value now = facts.get(new FileInfo(dest));
        long remote = now == null ? 0 : now.size();
        if (wanted.size() > DIFF_LIMIT || remote > DIFF_LIMIT) {
            return wanted.sha256().equals(facts.get(new Sha256File(dest)))
                    ? null
                    : "content differs (" + remote + " bytes on the host, " + wanted.size()
                            + " wanted; too large to show)";
        }
        return UnifiedDiff.of(
                dest, facts.get(new FileContent(dest)), new String(wanted.bytes(), StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
