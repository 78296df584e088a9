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
     * {@code files.directory}: a directory exists; {@code .absent()} for none, {@code .owner(..)},
     * {@code .group(..)}, {@code .arg("recursive", true)} for everything below it too.
     *
     * @param path the directory's path
     */
    public FilesDirectoryCall directory(String path) {
        return PrepareContext.register(FilesDirectoryCall::new).arg("path", path);
    }

    /**
     * {@code files.directory} with permissions.
     *
     * @param path the directory's path
     * @param mode octal permissions such as 755
     */
    public FilesDirectoryCall directory(String path, String mode) {
        return directory(path).mode(mode);
    }

    /**
     * {@code files.file}: a regular file exists, created empty when missing; {@code .absent()} for none,
     * {@code .arg("touch", true)} to update its times on every run.
     *
     * @param path the file's path
     */
    public FilesFileCall file(String path) {
        return PrepareContext.register(FilesFileCall::new).arg("path", path);
    }

    /**
     * {@code files.file} with permissions.
     *
     * @param path the file's path
     * @param mode octal permissions such as 644
     */
    public FilesFileCall file(String path, String mode) {
        return file(path).mode(mode);
    }

    /**
     * {@code files.link} to be given its target by name, or {@code files.link(path).absent()}: no link there.
     *
     * @param path where the link is
     */
    public FilesLinkCall link(String path) {
        return PrepareContext.register(FilesLinkCall::new).arg("path", path);
    }

    /**
     * {@code files.link}: a symbolic link; {@code .arg("symbolic", false)} for a hard link,
     * {@code .arg("force", true)} to replace a file in the way.
     *
     * @param path where the link is
     * @param target what the link points to
     */
    public FilesLinkCall link(String path, String target) {
        return link(path).arg("target", target);
    }

    /**
     * {@code files.line}: the line is somewhere in the file, appended when it is not; {@code .absent()} for
     * nowhere.
     *
     * @param path the file's path
     * @param line the whole line, without its newline
     */
    public FilesLineCall line(String path, String line) {
        return PrepareContext.register(FilesLineCall::new).arg("path", path).arg("line", line);
    }

    /**
     * {@code files.line}: the first line matching {@code replace} becomes {@code line}.
     *
     * @param path the file's path
     * @param line the whole line, without its newline
     * @param replace extended regular expression for the line to replace
     * @deprecated two lines of text side by side are easy to swap: {@code files.line(path, line).replace(regex)}
     */
    @Deprecated
    public FilesLineCall line(String path, String line, String replace) {
        return line(path, line).arg("replace", replace);
    }

    /**
     * {@code files.replace}: every match of {@code pattern} replaced by the literal {@code replacement}.
     *
     * @param path the file's path
     * @param pattern extended regular expression, matched within each line
     * @param replacement the text put in place of each match
     */
    public FilesReplaceCall replace(String path, String pattern, String replacement) {
        return PrepareContext.register(FilesReplaceCall::new)
                .arg("path", path)
                .arg("pattern", pattern)
                .arg("replacement", replacement);
    }

    /**
     * {@code files.block} to be given its content by name, or {@code files.block(path).absent()}: no block there.
     *
     * @param path the file's path
     */
    public FilesBlockCall block(String path) {
        return PrepareContext.register(FilesBlockCall::new).arg("path", path);
    }

    /**
     * {@code files.block}: a managed block between the default markers ({@code .arg("marker", ..)} for others).
     *
     * @param path the file's path
     * @param content the block's lines, separated by newlines
     */
    public FilesBlockCall block(String path, String content) {
        return block(path).arg("content", content);
    }

    /**
     * {@code files.get}: copies a file from the host to this machine when the local copy is missing or differs.
     *
     * @param src file on the host
     * @param dest local path to write
     */
    public FilesGetCall get(String src, String dest) {
        return PrepareContext.register(FilesGetCall::new).arg("src", src).arg("dest", dest);
    }

    /**
     * {@code files.put}: uploads a local file when its content differs, replacing it atomically.
     *
     * @param src local file to upload
     * @param dest path on the host
     */
    public FilesPutCall put(String src, String dest) {
        return PrepareContext.register(FilesPutCall::new).arg("src", src).arg("dest", dest);
    }

    /**
     * {@code files.put} with permissions.
     *
     * @param src local file to upload
     * @param dest path on the host
     * @param mode octal permissions such as 644
     */
    public FilesPutCall put(String src, String dest, String mode) {
        return put(src, dest).mode(mode);
    }

    /**
     * {@code files.template}: renders a local Jinja2 template with the host's data and {@code host} (name,
     * groups, data), then uploads the result like {@link #put(String, String)}. For a host from an Ansible
     * inventory it renders as Ansible's template module does ({@code trim_blocks}, {@code inventory_hostname},
     * {@code groups}, {@code hostvars}, Ansible's filters, {@code lookup()}); {@code .arg("ansible", true|false)}
     * chooses.
     *
     * @param src local Jinja2 template
     * @param dest path on the host
     */
    public FilesTemplateCall template(String src, String dest) {
        return template(src, dest, Map.of());
    }

    /**
     * {@code files.template} with more variables; they override host data of the same name.
     *
     * @param src local Jinja2 template
     * @param dest path on the host
     * @param vars the deploy's own template variables
     */
    public FilesTemplateCall template(String src, String dest, Map<String, ?> vars) {
        return PrepareContext.register(FilesTemplateCall::new)
                .arg("src", src)
                .arg("dest", dest)
                .arg("vars", vars);
    }

    /**
     * {@code files.download}: downloads {@code url} to {@code dest} on the host when the file is missing.
     *
     * @param url URL to fetch
     * @param dest path on the host
     */
    public FilesDownloadCall download(String url, String dest) {
        return PrepareContext.register(FilesDownloadCall::new).arg("url", url).arg("dest", dest);
    }

    /**
     * {@code files.download}, also when the file's SHA-256 is not {@code sha256}; the download must match it.
     *
     * @param url URL to fetch
     * @param dest path on the host
     * @param sha256 expected SHA-256 in hex
     */
    public FilesDownloadCall download(String url, String dest, String sha256) {
        return download(url, dest).arg("sha256", sha256);
    }

    /**
     * {@code files.sync}: mirrors the local directory {@code src} into {@code dest}, uploading only files whose
     * content differs; {@code .arg("delete", true)} removes what src does not have.
     *
     * @param src local directory to mirror
     * @param dest directory on the host
     */
    public FilesSyncCall sync(String src, String dest) {
        return PrepareContext.register(FilesSyncCall::new).arg("src", src).arg("dest", dest);
    }

    /**
     * {@code files.sync} with every argument in the record's order.
     *
     * @param sync e.g. {@code new Sync("site", "/srv/www", true, "644", "755", "www-data", null, List.of("*.tmp"))}
     */
    public FilesSyncCall sync(Sync sync) {
        return PrepareContext.register(sync, FilesSyncCall::new);
    }
}
