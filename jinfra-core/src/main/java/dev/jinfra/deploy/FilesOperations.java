package dev.jinfra.deploy;

import dev.jinfra.ops.files.Sync;
import java.util.Map;

/**
 * The {@code files} operations, as deploy code calls them: {@code files.directory("/srv/app").owner("app")}. Each
 * method takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}, {@link OperationCall#absent}, {@link OperationCall#mode} ...), as the reference
 * lists them.
 */
public final class FilesOperations {
    /**
     * A directory exists with the given mode, owner and group, or is absent.
     *
     * <p>{@code files.directory}: a directory exists; {@code .absent()} for none, {@code .owner(..)},
     * {@code .group(..)}, {@code .recursive(true)} for everything below it too.
     *
     * @param path the directory's path
     */
    public FilesDirectoryCall directory(String path) {
        return PrepareContext.register(FilesDirectoryCall::new).path(path);
    }

    /**
     * A directory exists with the given mode, owner and group, or is absent.
     *
     * <p>{@code files.directory} with permissions.
     *
     * @param path the directory's path
     * @param mode octal permissions such as 755
     */
    public FilesDirectoryCall directory(String path, String mode) {
        return directory(path).mode(mode);
    }

    /**
     * A regular file exists (created empty when missing) with the given mode, owner and group, or is absent.
     *
     * <p>{@code files.file}: a regular file exists, created empty when missing; {@code .absent()} for none,
     * {@code .touch(true)} to update its times on every run.
     *
     * @param path the file's path
     */
    public FilesFileCall file(String path) {
        return PrepareContext.register(FilesFileCall::new).path(path);
    }

    /**
     * A regular file exists (created empty when missing) with the given mode, owner and group, or is absent.
     *
     * <p>{@code files.file} with permissions.
     *
     * @param path the file's path
     * @param mode octal permissions such as 644
     */
    public FilesFileCall file(String path, String mode) {
        return file(path).mode(mode);
    }

    /**
     * A symbolic (or hard) link points at a target, or is absent.
     *
     * <p>{@code files.link} to be given its target by name, or {@code files.link(path).absent()}: no link there.
     *
     * @param path where the link is
     */
    public FilesLinkCall link(String path) {
        return PrepareContext.register(FilesLinkCall::new).path(path);
    }

    /**
     * A symbolic (or hard) link points at a target, or is absent.
     *
     * <p>{@code files.link}: a symbolic link; {@code .symbolic(false)} for a hard link,
     * {@code .force(true)} to replace a file in the way.
     *
     * @param path where the link is
     * @param target what the link points to
     */
    public FilesLinkCall link(String path, String target) {
        return link(path).target(target);
    }

    /**
     * A line is present in a file (optionally replacing the first line matching a regex), or absent.
     *
     * <p>{@code files.line}: the line is somewhere in the file, appended when it is not; {@code .absent()} for
     * nowhere.
     *
     * @param path the file's path
     * @param line the whole line, without its newline
     */
    public FilesLineCall line(String path, String line) {
        return PrepareContext.register(FilesLineCall::new).path(path).line(line);
    }

    /**
     * A line is present in a file (optionally replacing the first line matching a regex), or absent.
     *
     * <p>{@code files.line}: the first line matching {@code replace} becomes {@code line}.
     *
     * @param path the file's path
     * @param line the whole line, without its newline
     * @param replace extended regular expression for the line to replace
     * @deprecated two lines of text side by side are easy to swap: {@code files.line(path, line).replace(regex)}
     */
    @Deprecated
    public FilesLineCall line(String path, String line, String replace) {
        return line(path, line).replace(replace);
    }

    /**
     * Every match of a regex in a file is replaced by literal text.
     *
     * <p>{@code files.replace}: every match of {@code pattern} replaced by the literal {@code replacement}.
     *
     * @param path the file's path
     * @param pattern extended regular expression, matched within each line
     * @param replacement the text put in place of each match
     */
    public FilesReplaceCall replace(String path, String pattern, String replacement) {
        return PrepareContext.register(FilesReplaceCall::new)
                .path(path)
                .pattern(pattern)
                .replacement(replacement);
    }

    /**
     * A block of lines between BEGIN/END marker comments has the given content, or is absent.
     *
     * <p>{@code files.block} to be given its content by name, or {@code files.block(path).absent()}: no block there.
     *
     * @param path the file's path
     */
    public FilesBlockCall block(String path) {
        return PrepareContext.register(FilesBlockCall::new).path(path);
    }

    /**
     * A block of lines between BEGIN/END marker comments has the given content, or is absent.
     *
     * <p>{@code files.block}: a managed block between the default markers ({@code .marker(..)} for others).
     *
     * @param path the file's path
     * @param content the block's lines, separated by newlines
     */
    public FilesBlockCall block(String path, String content) {
        return block(path).content(content);
    }

    /**
     * A file on the host is copied to this machine (only when the local copy is missing or differs; written
     * atomically). Read over SFTP as the login user. Give each host its own local path, e.g. with the host's name in
     * it.
     *
     * <p>{@code files.get}: copies a file from the host to this machine when the local copy is missing or differs.
     *
     * @param src file on the host
     * @param dest local path to write
     */
    public FilesGetCall get(String src, String dest) {
        return PrepareContext.register(FilesGetCall::new).src(src).dest(dest);
    }

    /**
     * A local file's content is at a path on the host (uploaded only when its checksum differs, replaced atomically),
     * with a mode, owner and group.
     *
     * <p>{@code files.put}: uploads a local file when its content differs, replacing it atomically.
     *
     * @param src local file to upload
     * @param dest path on the host
     */
    public FilesPutCall put(String src, String dest) {
        return PrepareContext.register(FilesPutCall::new).src(src).dest(dest);
    }

    /**
     * A local file's content is at a path on the host (uploaded only when its checksum differs, replaced atomically),
     * with a mode, owner and group.
     *
     * <p>{@code files.put} with permissions.
     *
     * @param src local file to upload
     * @param dest path on the host
     * @param mode octal permissions such as 644
     */
    public FilesPutCall put(String src, String dest, String mode) {
        return put(src, dest).mode(mode);
    }

    /**
     * A local Jinja2 template, rendered with the host's data, `host` (name, groups, data) and the deploy's variables
     * (in Ansible's template environment for hosts from an Ansible inventory), is at a path on the host (uploaded only
     * when its checksum differs, replaced atomically), with a mode, owner and group.
     *
     * <p>{@code files.template}: renders a local Jinja2 template with the host's data and {@code host} (name,
     * groups, data), then uploads the result like {@link #put(String, String)}. For a host from an Ansible
     * inventory it renders as Ansible's template module does ({@code trim_blocks}, {@code inventory_hostname},
     * {@code groups}, {@code hostvars}, Ansible's filters, {@code lookup()}); {@code .ansible(true|false)}
     * chooses.
     *
     * @param src local Jinja2 template
     * @param dest path on the host
     */
    public FilesTemplateCall template(String src, String dest) {
        return template(src, dest, Map.of());
    }

    /**
     * A local Jinja2 template, rendered with the host's data, `host` (name, groups, data) and the deploy's variables
     * (in Ansible's template environment for hosts from an Ansible inventory), is at a path on the host (uploaded only
     * when its checksum differs, replaced atomically), with a mode, owner and group.
     *
     * <p>{@code files.template} with more variables; they override host data of the same name.
     *
     * @param src local Jinja2 template
     * @param dest path on the host
     * @param vars the deploy's own template variables
     */
    public FilesTemplateCall template(String src, String dest, Map<String, ?> vars) {
        return PrepareContext.register(FilesTemplateCall::new)
                .src(src)
                .dest(dest)
                .vars(vars);
    }

    /**
     * A URL's content is at a path on the host, downloaded with curl or wget when the file is missing, differs from the
     * given sha256, or force is set; checked and replaced atomically.
     *
     * <p>{@code files.download}: downloads {@code url} to {@code dest} on the host when the file is missing.
     *
     * @param url URL to fetch
     * @param dest path on the host
     */
    public FilesDownloadCall download(String url, String dest) {
        return PrepareContext.register(FilesDownloadCall::new).url(url).dest(dest);
    }

    /**
     * A URL's content is at a path on the host, downloaded with curl or wget when the file is missing, differs from the
     * given sha256, or force is set; checked and replaced atomically.
     *
     * <p>{@code files.download}, also when the file's SHA-256 is not {@code sha256}; the download must match it.
     *
     * @param url URL to fetch
     * @param dest path on the host
     * @param sha256 expected SHA-256 in hex
     */
    public FilesDownloadCall download(String url, String dest, String sha256) {
        return download(url, dest).sha256(sha256);
    }

    /**
     * A local directory's files are mirrored into a directory on the host: only files whose content differs are
     * uploaded (each replaced atomically), missing directories are created, and with delete, remote files not in the
     * local directory are removed.
     *
     * <p>{@code files.sync}: mirrors the local directory {@code src} into {@code dest}, uploading only files whose
     * content differs; {@code .delete(true)} removes what src does not have.
     *
     * @param src local directory to mirror
     * @param dest directory on the host
     */
    public FilesSyncCall sync(String src, String dest) {
        return PrepareContext.register(FilesSyncCall::new).src(src).dest(dest);
    }

    /**
     * A local directory's files are mirrored into a directory on the host: only files whose content differs are
     * uploaded (each replaced atomically), missing directories are created, and with delete, remote files not in the
     * local directory are removed.
     *
     * <p>{@code files.sync} with every argument in the record's order.
     *
     * @param sync e.g. {@code new Sync("site", "/srv/www", true, "644", "755", "www-data", null, List.of("*.tmp"))}
     */
    public FilesSyncCall sync(Sync sync) {
        return PrepareContext.register(sync, FilesSyncCall::new);
    }
}
