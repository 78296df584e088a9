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

    Plan plan(LocalFiles.Content wanted, FactSource facts) {
        byte[] content = wanted.bytes();
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
        return Uploads.install(content, sha, dest, mode, owner, group);
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
