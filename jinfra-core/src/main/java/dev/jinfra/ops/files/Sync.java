package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code files.sync}: a local directory mirrored into a directory on the host. One fact lists the remote files
 * with their checksums, so only files whose content differs are uploaded, each put in place atomically like
 * {@code files.put}. Mode, owner and group apply to what the operation writes (uploaded files, created
 * directories): the listing has no modes, and reading them for every file would cost a command per file.
 */
@Doc(
        name = "files.sync",
        value =
                "A local directory's files are mirrored into a directory on the host: only files whose content differs are uploaded (each replaced atomically), missing directories are created, and with delete, remote files not in the local directory are removed.",
        example = "files.sync(\"files/site\", \"/srv/www\").delete(true).sudo();")
public record Sync(
        @Arg(value = "local directory to mirror (relative to the working directory)", required = true)
        String src,

        @Arg(value = "directory on the host", required = true)
        String dest,

        @Arg("remove files, links and directories below dest that are not in src (excluded paths are kept)")
        boolean delete,

        @Arg("octal permissions of uploaded files; unchanged files keep theirs, and replaced files too when not given")
        String mode,

        @Arg("octal permissions of created directories") String dirMode,

        @Arg("owning user of uploaded files and created directories; a replaced file keeps its own when not given")
        String owner,

        @Arg("owning group of uploaded files and created directories; a replaced file keeps its own when not given")
        String group,

        @Arg(
                "glob patterns of paths to leave out, relative to src (cache, *.log, docs/*.txt); a pattern without / matches a name at any depth")
        List<String> exclude)
        implements Operation {

    // Each upload is copied next to its destination (so the rename stays on one file system), given its mode and
    // owner (else those of the file it replaces, see Uploads.OWN), and renamed into place, as files.put does; here
    // for many files in one command. $1..$3 are mode, owner and group (empty: unchanged), then pairs of upload
    // and destination. The trap removes the copy and the uploads not installed yet when a step fails.
    private static final String INSTALL =
            "set -e; u=\"$(umask)\"; umask 077; m=\"$1\"; o=\"$2\"; g=\"$3\"; shift 3; tmp=; "
                    + "trap 'rm -f -- ${tmp:+\"$tmp\"}; while [ $# -gt 1 ]; do rm -f -- \"$1\"; shift 2; done' EXIT; "
                    + "while [ $# -gt 0 ]; do "
                    + "d=\"$2\"; " + Uploads.BESIDE
                    + "cp -- \"$1\" \"$tmp\"; "
                    + "fm=\"$m\"; fo=\"$o\"; fg=\"$g\"; " + Uploads.OWN
                    + "mv -f -- \"$tmp\" \"$d\"; rm -f -- \"$1\"; shift 2; done";

    // A remote command line is one argument of the login shell, and Linux limits one argument to 128 KiB: paths
    // are spread over several commands well below that.
    private static final int MAX_ARGS_LENGTH = 32 * 1024;

    public Sync {
        if (src == null || src.isBlank() || dest == null || dest.isBlank()) {
            throw new IllegalArgumentException("files.sync needs src and dest");
        }
        Ownership.checkMode("files.sync", mode);
        Ownership.checkMode("files.sync", dirMode);
        // "/srv/www/" and "/srv/www" are the same directory; relative paths are joined to it with one slash.
        dest = dest.replaceAll("(.)/+$", "$1");
        if (dest.equals("/") && delete) {
            throw new IllegalArgumentException("files.sync will not delete files below /");
        }
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        for (String pattern : exclude) {
            matcher(pattern);
        }
    }

    @Override
    public String describe() {
        return "Sync: " + src + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<PathMatcher> matchers = exclude.stream().map(Sync::matcher).toList();
        LocalFiles.Tree local = LocalFiles.walk("files.sync", src, rel -> excluded(matchers, rel));
        DirectoryFiles.Value remote = facts.get(new DirectoryFiles(dest));
        Map<String, String> remoteFiles = remote == null ? Map.of() : remote.files();
        List<String> remoteDirList = remote == null ? List.of() : remote.directories();
        Set<String> remoteDirs = new TreeSet<>(remoteDirList);
        Set<String> remoteOthers = remote == null ? Set.of() : new TreeSet<>(remote.others());

        List<String> createDirs = new ArrayList<>();
        if (remote == null) {
            createDirs.add(dest);
        }
        for (String dir : local.directories()) {
            if (remoteFiles.containsKey(dir) || remoteOthers.contains(dir)) {
                throw new IllegalStateException(remotePath(dir) + " exists on the host but is not a directory");
            }
            if (!remoteDirs.contains(dir)) {
                createDirs.add(remotePath(dir));
            }
        }
        List<Plan.Upload> uploads = new ArrayList<>();
        List<List<String>> installs = new ArrayList<>();
        for (String file : local.files()) {
            if (remoteDirs.contains(file) || remoteOthers.contains(file)) {
                throw new IllegalStateException(remotePath(file) + " exists on the host but is not a regular file");
            }
            LocalFiles.Content content =
                    LocalFiles.read("files.sync", Path.of(src).resolve(file).toString());
            if (!content.sha256().equals(remoteFiles.get(file))) {
                String target = remotePath(file);
                String upload = Uploads.uploadName(content.sha256(), target);
                uploads.add(new Plan.Upload(content.payload(), upload));
                installs.add(List.of(upload, target));
            }
        }

        List<Command> commands = new ArrayList<>();
        commands.addAll(chunked(List.of("mkdir", "-p", "--"), single(createDirs)));
        if (dirMode != null) {
            commands.addAll(chunked(List.of("chmod", dirMode, "--"), single(createDirs)));
        }
        if (owner != null || group != null) {
            List<String> chown = owner == null
                    ? List.of("chgrp", group, "--")
                    : List.of("chown", group == null ? owner : owner + ":" + group, "--");
            commands.addAll(chunked(chown, single(createDirs)));
        }
        commands.addAll(
                chunked(List.of("sh", "-c", INSTALL, "sh", orEmpty(mode), orEmpty(owner), orEmpty(group)), installs));
        if (delete) {
            Set<String> localFiles = new TreeSet<>(local.files());
            Set<String> localDirs = new TreeSet<>(local.directories());
            List<String> removeFiles = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (String path : concat(remoteFiles.keySet(), remoteOthers)) {
                if (excluded(matchers, path)) {
                    kept.add(path);
                } else if (!localFiles.contains(path)) {
                    removeFiles.add(remotePath(path));
                }
            }
            // Deepest first, so each directory is empty when its turn comes; one holding a kept (excluded) path
            // stays, as does every directory above it.
            List<String> removeDirs = new ArrayList<>();
            for (String dir : remoteDirList.reversed()) {
                boolean keeps = excluded(matchers, dir) || kept.stream().anyMatch(k -> k.startsWith(dir + "/"));
                if (keeps) {
                    kept.add(dir);
                } else if (!localDirs.contains(dir)) {
                    removeDirs.add(remotePath(dir));
                }
            }
            commands.addAll(chunked(List.of("rm", "-f", "--"), single(removeFiles)));
            commands.addAll(chunked(List.of("rmdir", "--"), single(removeDirs)));
        }
        if (commands.isEmpty()) {
            return Plan.noChange(dest + " is in sync (" + local.files().size() + " files)");
        }
        return Plan.upload(uploads, commands);
    }

    private String remotePath(String relative) {
        return dest.equals("/") ? "/" + relative : dest + "/" + relative;
    }

    /** A path is left out when it or any directory above it matches a pattern. */
    private static boolean excluded(List<PathMatcher> matchers, String relative) {
        if (matchers.isEmpty()) {
            return false;
        }
        Path path = Path.of(relative);
        for (Path p = path; p != null; p = p.getParent()) {
            for (PathMatcher m : matchers) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PathMatcher matcher(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("files.sync: an exclude pattern is empty");
        }
        try {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            // Without a slash the pattern is about names, so it is tried on each name; with one, on whole paths.
            return pattern.contains("/") ? glob : p -> glob.matches(p.getFileName());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("files.sync: bad exclude pattern '" + pattern + "': " + e.getMessage());
        }
    }

    /** Commands of {@code head} followed by as many units (groups of words that stay together) as fit in one. */
    private static List<Command> chunked(List<String> head, List<List<String>> units) {
        List<Command> commands = new ArrayList<>();
        List<String> words = new ArrayList<>(head);
        int length = 0;
        for (List<String> unit : units) {
            int size = unit.stream().mapToInt(w -> w.length() + 3).sum();
            if (length > 0 && length + size > MAX_ARGS_LENGTH) {
                commands.add(Command.of(words));
                words = new ArrayList<>(head);
                length = 0;
            }
            words.addAll(unit);
            length += size;
        }
        if (length > 0) {
            commands.add(Command.of(words));
        }
        return commands;
    }

    private static List<List<String>> single(List<String> paths) {
        return paths.stream().map(List::of).toList();
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.trees(dest);
    }

    @Override
    public void checkLocalInputs() {
        List<PathMatcher> matchers = exclude.stream().map(Sync::matcher).toList();
        LocalFiles.Tree local = LocalFiles.walk("files.sync", src, rel -> excluded(matchers, rel));
        for (String file : local.files()) {
            LocalFiles.check("files.sync", Path.of(src).resolve(file).toString());
        }
    }
}
