package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code files.download}: a URL's content at a path, fetched on the host with curl or wget. An existing file
 * counts as downloaded unless its checksum is given and differs (or force), because the URL's content cannot be
 * compared without fetching it.
 */
@Doc(
        name = "files.download",
        value =
                "A URL's content is at a path on the host, downloaded with curl or wget when the file is missing, differs from the given sha256, or force is set; checked and replaced atomically.",
        example =
                "files.download(\"https://example.com/tool.tar.gz\", \"/opt/tool.tar.gz\", \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\").sudo();")
public record Download(
        @Arg(
                value = "URL to fetch, e.g. https://... (anything curl or wget accepts, including file://)",
                required = true)
        String url,

        @Arg(value = "path on the host", required = true) String dest,

        @Arg("expected SHA-256 in hex: the download must match it, and an existing file that does not is replaced")
        String sha256,

        @Arg("octal permissions such as 644; unchanged when not given")
        String mode,

        @Arg("owning user; unchanged when not given") String owner,
        @Arg("owning group; unchanged when not given") String group,

        @Arg("download even when the file exists (always a change)")
        boolean force)
        implements Operation {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
    // A scheme first: the URL can then never be read as an option by curl or wget.
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S+");

    // $1 curl or wget, $2 URL, $3 dest, $4 sha256 (empty: none), $5..$7 mode, owner, group (empty: those of the
    // file it replaces, see Uploads.OWN). The download goes to a temporary file next to dest (same file system,
    // so the final mv is atomic), named by the shell's pid so that two runs do not share it, private (umask 077)
    // until its mode is set; the trap removes it whenever the script stops early, including on a checksum
    // mismatch.
    private static final String FETCH = "set -e; u=\"$(umask)\"; umask 077; "
            + "d=\"$3\"; tmp=\"$(dirname -- \"$d\")/.$(basename -- \"$d\").jinfra-download-$$\"; "
            + "trap 'rm -f -- \"$tmp\"' EXIT; rm -f -- \"$tmp\"; "
            + "if [ \"$1\" = curl ]; then curl -fsSL -o \"$tmp\" \"$2\"; else wget -q -O \"$tmp\" \"$2\"; fi; "
            + "if [ -n \"$4\" ]; then sum=\"$(sha256sum < \"$tmp\")\"; sum=\"${sum%% *}\"; "
            + "if [ \"$sum\" != \"$4\" ]; then echo \"sha256 of $2 is $sum, not $4\" >&2; exit 1; fi; fi; "
            + "fm=\"$5\"; fo=\"$6\"; fg=\"$7\"; " + Uploads.OWN
            + "mv -f -- \"$tmp\" \"$d\"";

    public Download {
        if (url == null || url.isBlank() || dest == null || dest.isBlank()) {
            throw new IllegalArgumentException("files.download needs url and dest");
        }
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("files.download url must look like scheme://..., not '" + url + "'");
        }
        if (sha256 != null && !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("files.download sha256 must be 64 hex digits, not '" + sha256 + "'");
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        Ownership.checkMode("files.download", mode);
    }

    @Override
    public String describe() {
        return "Download: " + url + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        FileInfo.Value now = facts.get(new FileInfo(dest));
        if (now != null && !now.isFile()) {
            throw new IllegalStateException(dest + " exists but is a " + now.type() + ", not a file");
        }
        if (now != null && !force && (sha256 == null || sha256.equals(facts.get(new Sha256File(dest))))) {
            List<Command> fixes = Ownership.fix(dest, now.mode(), now.owner(), now.group(), mode, owner, group);
            return fixes.isEmpty()
                    ? Plan.noChange(dest + (sha256 == null ? " exists" : " is up to date"))
                    : Plan.run(fixes);
        }
        String tool =
                facts.get(new Which("curl")) != null ? "curl" : facts.get(new Which("wget")) != null ? "wget" : null;
        if (tool == null) {
            throw new IllegalStateException("files.download needs curl or wget on the host");
        }
        return Plan.run(Command.of(
                "sh",
                "-c",
                FETCH,
                "sh",
                tool,
                url,
                dest,
                sha256 == null ? "" : sha256,
                mode == null ? "" : mode,
                owner == null ? "" : owner,
                group == null ? "" : group));
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(dest);
    }
}
