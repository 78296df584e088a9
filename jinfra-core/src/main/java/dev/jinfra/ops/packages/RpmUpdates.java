package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The packages dnf or yum would update ({@code check-update}: exit 100 with a list, 0 with none), as name.arch;
 * null when the tool could not tell (an unreachable repository, no such tool). It may refresh the tool's metadata
 * cache, which changes no package.
 */
@Doc(
        "The packages dnf or yum has updates for (check-update), as name.arch; null when it cannot tell. May refresh the metadata cache.")
public record RpmUpdates(
        @Arg(value = "dnf or yum", required = true) String program) implements Fact<List<String>> {
    // "name.arch  version-release  repo"; headings ("Obsoleting Packages") and notices have other shapes.
    private static final Pattern LINE = Pattern.compile("([^\\s.][^\\s]*\\.[A-Za-z0-9_]+)\\s+\\S+\\s+\\S+");

    public RpmUpdates {
        if (!"dnf".equals(program) && !"yum".equals(program)) {
            throw new IllegalArgumentException("RpmUpdates: program must be dnf or yum, not '" + program + "'");
        }
    }

    @Override
    public Command command() {
        return Command.of(program, "-q", "check-update");
    }

    @Override
    public boolean hasValue(int exitCode) {
        return exitCode == 0 || exitCode == 100;
    }

    @Override
    public List<String> parse(String stdout) {
        List<String> updates = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            var m = LINE.matcher(line.strip());
            // Obsoleted packages are listed indented under their replacement: the replacement counts once.
            if (m.matches() && !line.startsWith(" ") && !updates.contains(m.group(1))) {
                updates.add(m.group(1));
            }
        }
        return updates;
    }

    @Override
    public List<String> absent() {
        return null;
    }
}
