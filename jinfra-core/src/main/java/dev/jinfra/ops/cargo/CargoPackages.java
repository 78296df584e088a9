package dev.jinfra.ops.cargo;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crates installed with {@code cargo install} for the user it runs as, name to version, from
 * {@code cargo install --list}. Empty without cargo.
 */
@Doc(value = "Crates installed with cargo install (for the user it runs as), name to version; empty without cargo.")
public record CargoPackages() implements Fact<Map<String, String>> {
    // "ripgrep v14.1.0:", or with where it came from: "tool v0.1.0 (https://github.com/...#1a2b3c4d):". The
    // programs each installed are listed under it, indented.
    private static final Pattern LINE = Pattern.compile("(\\S+) v(\\S+?)(?: \\(.*\\))?:");

    @Override
    public Command command() {
        return Command.of("cargo", "install", "--list");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                installed.put(m.group(1), m.group(2));
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
