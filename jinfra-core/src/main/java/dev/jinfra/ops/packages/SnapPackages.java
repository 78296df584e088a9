package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/**
 * Installed snaps, by name, from {@code snap list}: each with its version and the channel it tracks (null for a
 * snap installed from a file, which tracks none). Empty where there is no snap.
 */
@Doc(value = "Installed snaps: the version and tracked channel of each (null when it tracks none).")
public record SnapPackages() implements Fact<Map<String, SnapPackages.Snap>> {

    /** {@code tracking} as snap shows it, e.g. latest/stable; a long one may end in "..." where snap cut it. */
    public record Snap(String version, String tracking) {}

    @Override
    public Command command() {
        // ASCII and no colours, so the columns and a shortened channel read the same on every terminal setting.
        return Command.of("snap", "list", "--unicode=never", "--color=never");
    }

    @Override
    public Map<String, Snap> parse(String stdout) {
        // Columns: Name Version Rev Tracking Publisher Notes. The first line is the header; "No snaps are installed
        // yet" goes to stderr with exit 0, which leaves nothing here.
        Map<String, Snap> installed = new TreeMap<>();
        String[] lines = stdout.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] words = lines[i].strip().split("\\s+");
            if (words.length >= 4) {
                installed.put(words[0], new Snap(words[1], words[3].equals("-") ? null : words[3]));
            }
        }
        return installed;
    }

    @Override
    public Map<String, Snap> absent() {
        return Map.of();
    }
}
