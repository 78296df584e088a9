package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** Homebrew formulae installed, name to newest version listed, from {@code brew list --versions}. */
@Doc(
        value =
                "Homebrew formulae (brew list --formula --versions), name to version (the last listed when several are kept); empty without brew.")
public record BrewPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        return Command.of("brew", "list", "--formula", "--versions");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "openssl@3 3.2.0 3.1.4": a formula keeps older versions until brew cleanup; the last is taken.
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2) {
                installed.put(f[0], f[f.length - 1]);
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
