package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FileInfo;
import dev.jinfra.ops.files.LocalFiles;
import dev.jinfra.ops.files.Sha256File;
import dev.jinfra.ops.files.Uploads;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code apt.key}: a keyring file for {@code signed-by}, from a local file or a URL. An ASCII-armored key is
 * converted with {@code gpg --dearmor} on the host; anything else is taken as a binary keyring as it is.
 */
@Doc(
        name = "apt.key",
        value =
                "An apt keyring file (for signed-by) from a local file or a URL, dearmored with gpg when ASCII-armored. "
                        + "No change when the destination exists and, with sha256, has that checksum.",
        example =
                "apt.key().url(\"https://example.org/debian/key.asc\").dest(\"/etc/apt/keyrings/example.gpg\").sudo();")
public record AptKey(
        @Arg("local key file to upload (relative to the working directory)")
        String src,

        @Arg("URL the host downloads the key from (with curl or wget)")
        String url,

        @Arg(
                "keyring path on the host; default /etc/apt/keyrings/<name>.gpg, the name from src or url without extension")
        String dest,

        @Arg("SHA-256 the keyring file (after dearmoring) must have; checked after fetching too")
        String sha256)
        implements Operation {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

    // $1 the URL or the upload, $2 the destination, $3 the wanted checksum or empty. FETCH fills "$t". The new
    // keyring is written beside the destination and renamed over it, so apt never reads half a key; whatever
    // fails, the temporary files go.
    private static final String INSTALL = "set -e; t=$(mktemp); n=\"$(dirname -- \"$2\")/.$(basename -- \"$2\").new\"; "
            + "trap 'rm -f -- \"$t\" \"$n\"' EXIT; FETCH; mkdir -p -- \"$(dirname -- \"$2\")\"; "
            + "if grep -q -e '-----BEGIN PGP' -- \"$t\"; then gpg --dearmor < \"$t\" > \"$n\"; else cp -- \"$t\" \"$n\"; fi; "
            + "if [ -n \"$3\" ] && [ \"$(sha256sum < \"$n\" | cut -d ' ' -f 1)\" != \"$3\" ]; then "
            + "echo \"$2: the key's sha256 is not $3\" >&2; exit 1; fi; "
            + "chmod 644 \"$n\"; mv -f -- \"$n\" \"$2\"";
    private static final String FROM_UPLOAD = "cat -- \"$1\" > \"$t\"; rm -f -- \"$1\"";

    public AptKey {
        if ((src == null || src.isBlank()) == (url == null || url.isBlank())) {
            throw new IllegalArgumentException("apt.key needs exactly one of src (a local file) or url");
        }
        if (url != null && !Downloads.isUrl(url)) {
            throw new IllegalArgumentException("apt.key: '" + url + "' is not an http, https or ftp URL");
        }
        if (sha256 != null) {
            sha256 = sha256.strip().toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("apt.key: sha256 must be 64 hex digits, not '" + sha256 + "'");
            }
        }
        if (dest == null || dest.isBlank()) {
            String from = src != null ? src : url.replaceFirst("[?#].*", "");
            String name = from.substring(from.lastIndexOf('/') + 1).replaceFirst("\\.(asc|gpg|key|pgp|pub)$", "");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("apt.key: no key name in '" + from + "'; give dest");
            }
            dest = "/etc/apt/keyrings/" + name + ".gpg";
        }
        if (!dest.startsWith("/") || dest.endsWith("/") || dest.contains("\n")) {
            throw new IllegalArgumentException("apt.key: dest must be an absolute file path, not '" + dest + "'");
        }
    }

    @Override
    public String describe() {
        return "Apt key: " + (src != null ? src : url) + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        FileInfo.Value now = facts.get(new FileInfo(dest));
        if (now != null) {
            if (!now.isFile()) {
                throw new IllegalStateException("apt.key: " + dest + " exists but is a " + now.type() + ", not a file");
            }
            if (sha256 == null) {
                return Plan.noChange(dest + " exists");
            }
            if (sha256.equals(facts.get(new Sha256File(dest)))) {
                return Plan.noChange(dest + " has the wanted sha256");
            }
        }
        String check = sha256 == null ? "" : sha256;
        if (url != null) {
            String script = INSTALL.replace("FETCH", Downloads.fetch("apt.key", facts));
            return Plan.run(Command.script(script, url, dest, check));
        }
        Plan.Upload upload = Uploads.local("apt.key", src, dest);
        return Plan.upload(
                List.of(upload),
                List.of(Command.script(INSTALL.replace("FETCH", FROM_UPLOAD), upload.remotePath(), dest, check)));
    }

    @Override
    public void checkLocalInputs() {
        if (src != null) {
            LocalFiles.check("apt.key", src);
        }
    }
}
