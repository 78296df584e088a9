package dev.jinfra.ops.npm;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/**
 * The npm packages installed globally, or in a project directory's node_modules, by name (with its @scope) to
 * version: the top level only, as {@code npm ls --depth=0 --parseable --long} lists it. Empty without npm.
 */
@Doc("npm packages installed globally or in a directory (top level only), name to version; empty without npm.")
public record NpmPackages(
        @Arg("the project directory; the global packages when not given")
        String directory) implements Fact<Map<String, String>> {

    public NpmPackages {
        NodePackages.checkDirectory("NpmPackages", directory);
    }

    @Override
    public Command command() {
        return directory == null
                ? Command.of("npm", "ls", "-g", "--depth=0", "--parseable", "--long")
                : Command.of("npm", "ls", "--prefix", directory, "--depth=0", "--parseable", "--long");
    }

    @Override
    public boolean hasValue(int exitCode) {
        // 1: npm found problems (a missing or extraneous package) but still listed what is there.
        return exitCode == 0 || exitCode == 1;
    }

    @Override
    public Map<String, String> parse(String stdout) {
        // One line per package, "path:name@version[:extra]", after a first line for the project (or global root)
        // itself. A scoped name starts with '@', so the version is after the last '@' but the first character.
        Map<String, String> installed = new TreeMap<>();
        String[] lines = stdout.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].strip().split(":");
            if (fields.length < 2) {
                continue;
            }
            int at = fields[1].lastIndexOf('@');
            if (at > 0 && at < fields[1].length() - 1) {
                installed.put(fields[1].substring(0, at), fields[1].substring(at + 1));
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
