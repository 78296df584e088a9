package dev.jinfra.deploy;

import dev.jinfra.ops.files.Block;
import dev.jinfra.ops.files.Directory;
import dev.jinfra.ops.files.FileOp;
import dev.jinfra.ops.files.Line;
import dev.jinfra.ops.files.Link;
import dev.jinfra.ops.files.Replace;
import java.util.List;

/** The {@code files} operation family, as deploy code sees it. */
public final class FilesOperations {
    public OperationCall directory(String path) {
        return PrepareContext.register(new Directory(path, true, null, null, null, false));
    }

    public OperationCall directory(String path, String mode) {
        return PrepareContext.register(new Directory(path, true, mode, null, null, false));
    }

    public OperationCall directory(String path, String mode, String owner, String group) {
        return PrepareContext.register(new Directory(path, true, mode, owner, group, false));
    }

    /** As {@link #directory(String, String, String, String)}, for everything below the directory too. */
    public OperationCall directoryTree(String path, String mode, String owner, String group) {
        return PrepareContext.register(new Directory(path, true, mode, owner, group, true));
    }

    public OperationCall absentDirectory(String path) {
        return PrepareContext.register(new Directory(path, false, null, null, null, false));
    }

    /** A regular file exists, created empty when missing. */
    public OperationCall file(String path) {
        return PrepareContext.register(new FileOp(path, true, false, null, null, null));
    }

    public OperationCall file(String path, String mode) {
        return PrepareContext.register(new FileOp(path, true, false, mode, null, null));
    }

    public OperationCall file(String path, String mode, String owner, String group) {
        return PrepareContext.register(new FileOp(path, true, false, mode, owner, group));
    }

    /** Creates the file or updates its times: a change on every run. */
    public OperationCall touch(String path) {
        return PrepareContext.register(new FileOp(path, true, true, null, null, null));
    }

    public OperationCall absentFile(String path) {
        return PrepareContext.register(new FileOp(path, false, false, null, null, null));
    }

    /** A symbolic link at {@code path} pointing to {@code target}. */
    public OperationCall link(String path, String target) {
        return PrepareContext.register(new Link(path, target, true, true, false));
    }

    /** As {@link #link(String, String)}, replacing a file that is in the way when {@code force}. */
    public OperationCall link(String path, String target, boolean force) {
        return PrepareContext.register(new Link(path, target, true, true, force));
    }

    public OperationCall hardLink(String path, String target) {
        return PrepareContext.register(new Link(path, target, true, false, false));
    }

    /** No symbolic link at {@code path} (anything else there is an error). */
    public OperationCall absentLink(String path) {
        return PrepareContext.register(new Link(path, null, false, true, false));
    }

    /** {@code line} is somewhere in the file; appended when it is not. */
    public OperationCall line(String path, String line) {
        return PrepareContext.register(new Line(path, line, true, null, false));
    }

    /** The first line matching the extended regular expression {@code replace} becomes {@code line}. */
    public OperationCall line(String path, String line, String replace) {
        return PrepareContext.register(new Line(path, line, true, replace, false));
    }

    public OperationCall absentLine(String path, String line) {
        return PrepareContext.register(new Line(path, line, false, null, false));
    }

    /** Every match of the extended regular expression {@code pattern} replaced by the literal {@code replacement}. */
    public OperationCall replace(String path, String pattern, String replacement) {
        return PrepareContext.register(new Replace(path, pattern, replacement));
    }

    /** A managed block with the default markers. */
    public OperationCall block(String path, String content) {
        return PrepareContext.register(new Block(path, content, null, true));
    }

    /** A managed block between {@code marker} lines ({@code {mark}} becomes BEGIN or END). */
    public OperationCall block(String path, String content, String marker) {
        return PrepareContext.register(new Block(path, content, marker, true));
    }

    public OperationCall absentBlock(String path) {
        return PrepareContext.register(new Block(path, null, null, false));
    }

    /** Uploads a local file to {@code dest} when its content differs, replacing it atomically. */
    /** Copies a file from the host to {@code dest} on this machine when the local copy is missing or differs. */
    public OperationCall get(String src, String dest) {
        return PrepareContext.register(new dev.jinfra.ops.files.Get(src, dest, false));
    }

    public OperationCall put(String src, String dest) {
        return PrepareContext.register(new dev.jinfra.ops.files.Put(src, dest, null, null, null));
    }

    public OperationCall put(String src, String dest, String mode) {
        return PrepareContext.register(new dev.jinfra.ops.files.Put(src, dest, mode, null, null));
    }

    public OperationCall put(String src, String dest, String mode, String owner, String group) {
        return PrepareContext.register(new dev.jinfra.ops.files.Put(src, dest, mode, owner, group));
    }

    /**
     * Renders a local Jinja2 template with the host's data and {@code host} (name, groups) and uploads the result
     * like {@link #put(String, String)}.
     */
    public OperationCall template(String src, String dest) {
        return template(src, dest, null, null, null, java.util.Map.of());
    }

    /** As {@link #template(String, String)}, with more variables (they override host data of the same name). */
    public OperationCall template(String src, String dest, java.util.Map<String, ?> vars) {
        return template(src, dest, null, null, null, vars);
    }

    public OperationCall template(String src, String dest, String mode, java.util.Map<String, ?> vars) {
        return template(src, dest, mode, null, null, vars);
    }

    public OperationCall template(
            String src, String dest, String mode, String owner, String group, java.util.Map<String, ?> vars) {
        var variables = dev.jinfra.ops.files.Template.variables(PrepareContext.host(), vars);
        return PrepareContext.register(new dev.jinfra.ops.files.Template(src, dest, mode, owner, group, variables));
    }

    /** Downloads {@code url} to {@code dest} on the host when the file is missing (with curl or wget). */
    public OperationCall download(String url, String dest) {
        return PrepareContext.register(new dev.jinfra.ops.files.Download(url, dest, null, null, null, null, false));
    }

    /** As {@link #download(String, String)}, also when the file's SHA-256 is not {@code sha256}; the download must match it. */
    public OperationCall download(String url, String dest, String sha256) {
        return PrepareContext.register(new dev.jinfra.ops.files.Download(url, dest, sha256, null, null, null, false));
    }

    public OperationCall download(String url, String dest, String sha256, String mode, String owner, String group) {
        return PrepareContext.register(new dev.jinfra.ops.files.Download(url, dest, sha256, mode, owner, group, false));
    }

    /** Mirrors the local directory {@code src} into {@code dest}, uploading only files whose content differs. */
    public OperationCall sync(String src, String dest) {
        return sync(src, dest, false);
    }

    /** As {@link #sync(String, String)}; with {@code delete}, files below dest that src does not have are removed. */
    public OperationCall sync(String src, String dest, boolean delete) {
        return PrepareContext.register(
                new dev.jinfra.ops.files.Sync(src, dest, delete, null, null, null, null, List.of()));
    }

    /** A sync described in full, e.g. {@code new Sync("site", "/srv/www", true, "644", "755", "www-data", null, List.of("*.tmp"))}. */
    public OperationCall sync(dev.jinfra.ops.files.Sync sync) {
        return PrepareContext.register(sync);
    }
}
