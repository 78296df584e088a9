package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Installed Debian packages, name to version, from {@code dpkg-query}; empty where there is no dpkg. Operations
 * ask for the packages they name: a host's whole list is hundreds of lines, read again after every change the
 * deploy makes to that host.
 */
@Doc(value = "Installed Debian packages and their versions: those named, or all of them.")
public record DebPackages(
        @Arg("only these packages (default: all)") List<String> packages) implements Fact<Map<String, String>> {

    public DebPackages {
        packages = packages == null ? List.of() : List.copyOf(packages);
        for (String p : packages) {
            if (p.isBlank() || p.startsWith("-") || p.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("DebPackages: not a package name: '" + p + "'");
            }
        }
    }

    /** Every installed package. */
    public DebPackages() {
        this(List.of());
    }

    @Override
    public Command command() {
        List<String> words = new ArrayList<>(List.of("dpkg-query", "-W", "-f", FORMAT));
        if (!packages.isEmpty()) {
            words.add("--");
            words.addAll(packages);
        }
        return Command.of(words);
    }

    // dpkg-query expands the \t and \n escapes itself; the text goes through quoted as it is.
    private static final String FORMAT = "${Package}\\t${Version}\\t${db:Status-Abbrev}\\n";

    /** With names, dpkg-query exits 1 when one of them is unknown to it, and still lists the others. */
    @Override
    public boolean hasValue(int exitCode) {
        return exitCode == 0 || (exitCode == 1 && !packages.isEmpty());
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.split("\t", -1);
            // The status abbreviation is want/state/error: the second letter 'i' means unpacked and configured,
            // which takes in held packages ("hi") as well as plain "ii"; "rc" (config files only) is not installed.
            if (f.length >= 3 && !f[0].isBlank() && f[2].length() >= 2 && f[2].charAt(1) == 'i') {
                installed.put(f[0].strip(), f[1].strip());
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }

    /**
     * What dpkg knows lives in its database under /var/lib/dpkg: a change confined to other paths (a file, a
     * directory, a link) leaves the list as it was, so a deploy's package check after its file changes plans
     * without asking the host again. Paths are compared as the host resolves them, a database moved behind a
     * link included.
     */
    @Override
    public String confinedTo() {
        return "/var/lib/dpkg";
    }
}
