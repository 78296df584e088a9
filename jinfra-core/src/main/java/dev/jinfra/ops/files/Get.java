package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code files.get}: a file on the host copied to this machine, only when the local copy is missing or its
 * checksum differs. Read over SFTP as the login user; written here atomically.
 */
@Doc(
        name = "files.get",
        value =
                "A file on the host is copied to this machine (only when the local copy is missing or differs; written atomically). "
                        + "Read over SFTP as the login user. Give each host its own local path, e.g. with the host's name in it.",
        example = "files.get(\"/etc/os-release\", \"backups/\" + host.name() + \"/os-release\");")
public record Get(
        @Arg(value = "file on the host", required = true) String src,

        @Arg(value = "local path to write (relative to the working directory)", required = true)
        String dest,

        @Arg(value = "copy even when the local file is the same", defaultValue = "false")
        boolean force)
        implements Operation {

    public Get {
        if (src == null || src.isBlank() || dest == null || dest.isBlank()) {
            throw new IllegalArgumentException("files.get needs src and dest");
        }
    }

    @Override
    public String describe() {
        return "Download: " + src + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        FileInfo.Value remote = facts.get(new FileInfo(src));
        if (remote == null) {
            throw new IllegalStateException(src + " does not exist on the host");
        }
        if (!remote.isFile()) {
            throw new IllegalStateException(src + " is a " + remote.type() + ", not a file");
        }
        Path local = Path.of(dest);
        if (Files.isDirectory(local)) {
            throw new IllegalStateException("local " + dest + " is a directory, not a file");
        }
        if (!force
                && Files.isRegularFile(local)
                && LocalFiles.read("files.get", dest).sha256().equals(facts.get(new Sha256File(src)))) {
            return Plan.noChange(dest + " is the same as " + src);
        }
        return Plan.download(List.of(new Plan.Download(src, local)));
    }

    @Override
    public ChangeScope changes() {
        // Copies from the host to this machine: nothing on the host changes.
        return ChangeScope.entries(src);
    }
}
