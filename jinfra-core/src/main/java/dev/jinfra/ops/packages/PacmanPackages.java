package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** Installed Arch Linux packages, name to version, from {@code pacman -Q}; empty where there is no pacman. */
@Doc(value = "Installed Arch Linux (pacman) packages and their versions.")
public record PacmanPackages() implements Fact<Map<String, String>> {

    @Override
    public Command command() {
        return Command.of("pacman", "-Q");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "name version"; anything else (a warning) is not a package.
            String[] words = line.strip().split("\\s+");
            if (words.length == 2) {
                installed.put(words[0], words[1]);
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }

    /**
     * What pacman knows lives in its database under /var/lib/pacman: a change confined to other paths (a file, a
     * directory, a link) leaves the list as it was, so a deploy's package check after its file changes plans
     * without asking the host again. Paths are compared as the host resolves them, a database moved behind a
     * link included.
     */
    @Override
    public String confinedTo() {
        return "/var/lib/pacman";
    }
}
