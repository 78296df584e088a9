package dev.jinfra.ops.files;

import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/** The one {@code find} command of {@link FindFiles}, {@link FindDirectories} and {@link FindLinks}. */
final class Finds {
    private Finds() {}

    static void check(String fact, String path, Integer maxDepth) {
        // An absolute path never reads as one of find's options or expressions; find takes no "--" before it.
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException(fact + ": the path must be absolute, not '" + path + "'");
        }
        if (maxDepth != null && maxDepth < 0) {
            throw new IllegalArgumentException(fact + ": maxDepth must be 0 or more, not " + maxDepth);
        }
    }

    /** {@code find PATH [-maxdepth N] [-name GLOB] -type T}: options BusyBox find knows as well as GNU's. */
    static Command command(String path, Integer maxDepth, String name, String type) {
        List<String> words = new ArrayList<>(List.of("find", path));
        if (maxDepth != null) {
            words.addAll(List.of("-maxdepth", Integer.toString(maxDepth)));
        }
        if (name != null) {
            words.addAll(List.of("-name", name));
        }
        words.addAll(List.of("-type", type));
        return Command.of(words);
    }

    /** One path a line, sorted; a name with a newline in it would read as two (find prints it as it is). */
    static List<String> parse(String stdout) {
        return stdout.lines().filter(l -> !l.isEmpty()).sorted().toList();
    }
}
