package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Diffable;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.api.UnifiedDiff;
import dev.jinfra.ops.files.FileContent;
import dev.jinfra.ops.files.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code apt.repo}: a one-line apt source is in (or not in) a file of /etc/apt/sources.list.d. The file is
 * rewritten whole and replaced atomically; a repository already configured in any sources file counts as present.
 */
@Doc(
        name = "apt.repo",
        value =
                "An apt source line is present in (or absent from) a file in /etc/apt/sources.list.d, named after the URI's host "
                        + "unless given. No change when apt already has the repository in any sources file; absent edits only its own file. "
                        + "Run apt.update afterwards for apt to see it.",
        example =
                "apt.repo(\"deb [signed-by=/etc/apt/keyrings/example.gpg] https://example.org/debian bookworm main\").sudo();")
public record AptRepo(
        @Arg(
                value =
                        "the source line, e.g. deb [signed-by=/etc/apt/keyrings/x.gpg] http://example.org/debian bookworm main",
                required = true)
        String src,

        @Arg("file name in /etc/apt/sources.list.d (.list is added when missing); default: the URI's host")
        String filename,

        @Arg(value = "whether the line should be there", defaultValue = "true")
        boolean present)
        implements Operation, Diffable {
    static final String DIR = "/etc/apt/sources.list.d/";
    // apt ignores files in sources.list.d whose names hold anything else.
    private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?([^/:?#\\[\\]]+)");

    public AptRepo {
        if (src == null || src.isBlank() || src.contains("\n")) {
            throw new IllegalArgumentException("apt.repo needs src as one line");
        }
        src = src.strip();
        AptSources.Source parsed = AptSources.parseLine(null, src);
        if (parsed == null) {
            throw new IllegalArgumentException(
                    "apt.repo: '" + src + "' is not a source line (deb|deb-src [options] URI suite [component...])");
        }
        if (filename == null || filename.isBlank()) {
            Matcher host = HOST.matcher(parsed.uri());
            if (!host.find()) {
                throw new IllegalArgumentException(
                        "apt.repo: " + parsed.uri() + " has no host to name the file after; give a filename");
            }
            filename = host.group(1).replaceAll("[^A-Za-z0-9_.-]", "_");
        }
        if (!filename.endsWith(".list")) {
            filename = filename + ".list";
        }
        if (!FILENAME.matcher(filename).matches() || filename.startsWith(".")) {
            throw new IllegalArgumentException(
                    "apt.repo: '" + filename + "' is not a file name apt reads (letters, digits, _ . - only)");
        }
    }

    public String path() {
        return DIR + filename;
    }

    @Override
    public String describe() {
        return (present ? "Apt repo in " : "No apt repo in ") + path() + ": " + src;
    }

    @Override
    public Plan plan(FactSource facts) {
        String current = facts.get(new FileContent(path()));
        String wanted = wanted(facts, current);
        if (wanted == null) {
            return Plan.noChange(present ? "the repository is configured" : "the repository is not in " + path());
        }
        return Uploads.install(wanted, path(), "644");
    }

    @Override
    public String diff(FactSource facts) {
        String current = facts.get(new FileContent(path()));
        String wanted = wanted(facts, current);
        return wanted == null ? null : UnifiedDiff.of(path(), current, wanted);
    }

    /** The file's new text, or null when it needs none. */
    private String wanted(FactSource facts, String current) {
        AptSources.Source line = AptSources.parseLine(path(), src);
        if (present) {
            if (facts.get(new AptSources()).stream().anyMatch(line::sameRepo)) {
                return null;
            }
            String before = current == null ? "" : current;
            return before + (before.isEmpty() || before.endsWith("\n") ? "" : "\n") + src + "\n";
        }
        if (current == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String l : current.split("\n", -1)) {
            AptSources.Source s = AptSources.parseLine(path(), l);
            if (s != null && s.sameRepo(line)) {
                removed = true;
            } else {
                kept.add(l);
            }
        }
        return removed ? String.join("\n", kept) : null;
    }
}
