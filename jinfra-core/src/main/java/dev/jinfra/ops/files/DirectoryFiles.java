package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything below a directory on the host, by path relative to it: each regular file with its SHA-256, each
 * subdirectory, and anything else (symbolic links, sockets, ...); {@code null} when the directory is not there.
 */
@Doc(
        value =
                "Every regular file below a directory with its SHA-256, its subdirectories and other entries (links, ...), by relative path, or null.")
public record DirectoryFiles(
        @Arg(value = "directory to list", required = true) String path) implements Fact<DirectoryFiles.Value> {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    // Each entry is printed as one NUL-terminated record ("f <sha256> path", "d path", "o path"), because a file
    // name may hold any byte but NUL. Files are hashed from stdin, so sha256sum never escapes a name, and no GNU
    // option is needed (busybox has no sha256sum -z or find -printf). The entry script arrives as $2 so that it
    // is passed to find's -exec as one word without nested quoting. A failed listing or hash prints a "!"
    // record: a partial listing must not pass for the whole directory.
    private static final String LIST =
            "cd -- \"$1\" || exit 1; find . ! -name . -exec sh -c \"$2\" sh {} + || printf \"!\\000\"";
    private static final String ENTRY = "for p; do n=\"${p#./}\"; "
            + "if [ -h \"$p\" ]; then printf \"o %s\\000\" \"$n\"; "
            + "elif [ -d \"$p\" ]; then printf \"d %s\\000\" \"$n\"; "
            + "elif [ -f \"$p\" ]; then h=\"$(sha256sum < \"$p\")\" || exit 1; printf \"f %.64s %s\\000\" \"$h\" \"$n\"; "
            + "else printf \"o %s\\000\" \"$n\"; fi; done";

    /**
     * @param files       regular files (not links) by relative path, with their SHA-256 in lowercase hex
     * @param directories subdirectories by relative path, sorted
     * @param others      links, sockets, devices and the like, sorted
     */
    public record Value(Map<String, String> files, List<String> directories, List<String> others) {
        public Value {
            files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
            directories = directories.stream().sorted().toList();
            others = others.stream().sorted().toList();
        }
    }

    public DirectoryFiles {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("DirectoryFiles needs a path");
        }
    }

    @Override
    public Command command() {
        return Command.of("sh", "-c", LIST, "sh", path, ENTRY);
    }

    @Override
    public Value parse(String stdout) {
        Map<String, String> files = new TreeMap<>();
        List<String> directories = new ArrayList<>();
        List<String> others = new ArrayList<>();
        // No strip: names may begin or end with blanks or newlines.
        for (String entry : stdout.split("\0")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("!")) {
                throw new IllegalArgumentException("could not list every file below " + path);
            }
            if (entry.startsWith("f ")
                    && entry.length() > 67
                    && entry.charAt(66) == ' '
                    && HEX.matcher(entry.substring(2, 66)).matches()) {
                files.put(entry.substring(67), entry.substring(2, 66));
            } else if (entry.startsWith("d ") && entry.length() > 2) {
                directories.add(entry.substring(2));
            } else if (entry.startsWith("o ") && entry.length() > 2) {
                others.add(entry.substring(2));
            } else {
                throw new IllegalArgumentException("unexpected listing of " + path + ": '" + entry.strip() + "'");
            }
        }
        return new Value(files, directories, others);
    }

    @Override
    public Value absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }
}
