package dev.jinfra.ops.gem;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed Ruby gems, name to every version installed (newest first, as gem lists them); a gem that comes with
 * Ruby shows as {@code default: 3.1.2} and counts as that version. Empty without that gem program.
 */
@Doc("Installed Ruby gems, name to the versions installed; empty without the gem program.")
public record GemPackages(
        @Arg(value = "the gem program, e.g. gem or /opt/ruby/bin/gem", defaultValue = "gem")
        String gem) implements Fact<Map<String, List<String>>> {
    // "name (1.2.3, 1.0.0)", "name (default: 3.1.2)", "name (1.2.3 x86_64-linux)".
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_.-]+) \\((.*)\\)");

    public GemPackages {
        RubyGems.checkGem("GemPackages", gem);
    }

    @Override
    public Command command() {
        return Command.of(gem, "list", "--local");
    }

    @Override
    public Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            List<String> versions = new ArrayList<>();
            for (String v : m.group(2).split(",")) {
                // A platform after the version ("1.2.3 x86_64-linux") is not part of it.
                String version = v.strip().replaceFirst("^default:\\s*", "").split("\\s+")[0];
                if (!version.isEmpty()) {
                    versions.add(version);
                }
            }
            installed.put(m.group(1), versions);
        }
        return installed;
    }

    @Override
    public Map<String, List<String>> absent() {
        return Map.of();
    }
}
