package dev.jinfra.ops.files;

import dev.jinfra.api.Payload;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * Putting bytes at a path on the host atomically: uploaded to a temporary file, put next to the destination,
 * given its mode and owner there (those wanted, else those of the file it replaces), then renamed over the
 * destination, so readers never see half a file. Shared
 * by every operation that writes a whole file (files.put, files.template, apt.repo, dnf.repo, ...).
 */
public final class Uploads {
    private Uploads() {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Shell text that gives the new file {@code $tmp} its mode, owner and group before it replaces {@code $d}:
     * the wanted ones in {@code $fm $fo $fg}, and where one is empty, that of the file it replaces, so a 0640
     * app:app file stays so when its content changes. A new file without a mode gets the usual 0666 less the
     * umask the script started with ({@code $u}). The old file's values are read with {@code stat -c}, which
     * GNU and BusyBox both have (chmod --reference is GNU only), as numbers, which name a user even when no name
     * does. Owner and group go first: chown clears set-user-ID and set-group-ID bits, which chmod then sets.
     */
    static final String OWN = "if [ -f \"$d\" ]; then "
            + "[ -n \"$fm\" ] || fm=\"$(stat -L -c %a -- \"$d\")\"; "
            + "[ -n \"$fo\" ] || fo=\"$(stat -L -c %u -- \"$d\")\"; "
            + "[ -n \"$fg\" ] || fg=\"$(stat -L -c %g -- \"$d\")\"; fi; "
            + "[ -n \"$fm\" ] || fm=\"$(printf %o $((0666 & ~0$u)))\"; "
            + "if [ -n \"$fo\" ]; then chown -- \"$fo\" \"$tmp\"; fi; "
            + "if [ -n \"$fg\" ]; then chgrp -- \"$fg\" \"$tmp\"; fi; "
            + "chmod -- \"$fm\" \"$tmp\"; ";

    /**
     * Sets {@code tmp} to a hidden name beside the destination {@code $d} for the upload {@code $1}
     * ({@code /etc/.app.conf.jinfra-upload-...}), so that the final rename stays on one file system. The directory
     * and the name are cut from the path by the shell: dirname and basename were three more processes per file.
     */
    static final String BESIDE = "case \"$d\" in */*) p=\"${d%/*}/\";; *) p=;; esac; tmp=\"$p.${d##*/}${1##*/}\"; ";

    /**
     * Removes uploads older than a day that runs killed mid-upload left in /tmp (their install never ran to
     * remove them); files of other users stay (the sticky bit), and nothing here can fail the install. The shell
     * looks first: find runs only when there is an upload other than this one ({@code $1}), which on a host
     * nobody killed a run on is never.
     */
    static final String LEFTOVERS = "for f in /tmp/.jinfra-upload-*; do if [ \"$f\" != \"$1\" ] && [ -f \"$f\" ]; "
            + "then find /tmp -maxdepth 1 -name \".jinfra-upload-*\" -type f -mmin +1440 "
            + "-exec rm -f -- {} + 2>/dev/null; break; fi; done; ";

    // Runs as the (possibly sudo) user: put the upload next to the destination so the final rename stays on one
    // file system, set mode and owner there, rename it into place. Arguments are $1..$5. An upload of this user's
    // own is moved there (no copy, nothing left in /tmp to remove); one of another user (under sudo) is copied,
    // so the copy is this user's. Under umask 077 the copy is private until its mode is set (it may be a rendered
    // secret); the trap removes the upload and the copy however the script ends, so a failed chown leaves nothing
    // behind in /tmp or beside the file, and starts rm only when there is something left.
    private static final String INSTALL = LEFTOVERS + "set -e; u=\"$(umask)\"; umask 077; "
            + "d=\"$2\"; " + BESIDE
            + "trap 'if [ -e \"$1\" ] || [ -e \"$tmp\" ]; then rm -f -- \"$1\" \"$tmp\"; fi' EXIT; "
            + "if [ -O \"$1\" ]; then mv -f -- \"$1\" \"$tmp\"; else cp -- \"$1\" \"$tmp\"; fi; "
            + "fm=\"$3\"; fo=\"$4\"; fg=\"$5\"; " + OWN
            + "mv -f -- \"$tmp\" \"$d\"";

    /**
     * The upload and the command that moves it into place; a null mode, owner or group keeps that of the file it
     * replaces (a new file gets the usual 0666 less umask, and the user running the command).
     */
    public static Plan install(byte[] content, String dest, String mode, String owner, String group) {
        return install(Payload.of(content), ContentInstall.sha256(content), dest, mode, owner, group);
    }

    /** As above, with the content's SHA-256 already known (local files are hashed once, not per host). */
    public static Plan install(Payload content, String sha256, String dest, String mode, String owner, String group) {
        String upload = uploadName(sha256, dest);
        return Plan.upload(
                List.of(new Plan.Upload(content, upload)),
                List.of(Command.script(
                        INSTALL,
                        upload,
                        dest,
                        mode == null ? "" : mode,
                        owner == null ? "" : owner,
                        group == null ? "" : group)));
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
                + ContentInstall.sha256((contentSha256 + "\0" + dest).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 16)
                + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    /** A local file (read once per content, see {@link LocalFiles}) uploaded to a temporary name, for a command that takes it from there. */
    public static Plan.Upload local(String operation, String file, String dest) {
        LocalFiles.Content content = LocalFiles.read(operation, file);
        return new Plan.Upload(content.payload(), uploadName(content.sha256(), dest));
    }
}
