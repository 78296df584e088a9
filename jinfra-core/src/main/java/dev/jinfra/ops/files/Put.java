package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Diffable;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/**
 * {@code files.put}: a local file's content on the host, uploaded only when the remote checksum differs and put
 * in place atomically (see {@link ContentInstall}).
 */
@Doc(
        name = "files.put",
        value =
                "A local file's content is at a path on the host (uploaded only when its checksum differs, replaced atomically), with a mode, owner and group.",
        example = "files.put(\"files/motd\", \"/etc/motd\", \"644\");")
public record Put(
        @Arg(value = "local file to upload (relative to the working directory)", required = true)
        String src,

        @Arg(value = "path on the host", required = true) String dest,

        @Arg("octal permissions such as 644; unchanged when not given")
        String mode,

        @Arg("owning user; unchanged when not given") String owner,
        @Arg("owning group; unchanged when not given") String group)
        implements Operation, Diffable {

    public Put {
        ContentInstall.check("files.put", src, dest, mode);
    }

    @Override
    public String describe() {
        return "Upload: " + src + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        return install().plan(read(), facts);
    }

    @Override
    public String diff(FactSource facts) {
        return install().diff(read(), facts);
    }

    private ContentInstall install() {
        return new ContentInstall(dest, mode, owner, group);
    }

    private LocalFiles.Content read() {
        return LocalFiles.read("files.put", src);
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(dest);
    }

    @Override
    public void checkLocalInputs() {
        LocalFiles.check("files.put", src);
    }
}
