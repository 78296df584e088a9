package dev.jinfra.ops.pip;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python packages a pip sees, by normalised name ({@link #normalise}) to version. A package installed from a
 * URL or a path has no version pip reports, so it maps to an empty version. No pip: an empty map, since a
 * pip that is not there yet (a virtualenv made earlier in the same deploy) has nothing installed.
 */
@Doc(
        "Installed Python packages (name, normalised to lowercase with -, to version) as a pip reports them; empty without that pip.")
public record PipPackages(
        @Arg(value = "the pip program, e.g. pip3 or /srv/app/venv/bin/pip", defaultValue = "pip3")
        String pip) implements Fact<Map<String, String>> {

    public PipPackages {
        Packages.checkPip("PipPackages", pip);
    }

    /** PEP 503: case, and runs of '-', '_' and '.', do not tell package names apart. */
    public static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    @Override
    public Command command() {
        // --all: pip, setuptools and wheel are packages a deploy may pin or upgrade too.
        return Command.of(pip, "freeze", "--all");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> out = new TreeMap<>();
        for (String raw : stdout.split("\n")) {
            String line = raw.strip();
            // Comments, editable installs (-e) and options carry no installed name and version.
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("-")) {
                continue;
            }
            int pinned = line.indexOf("==");
            int direct = line.indexOf(" @ ");
            if (pinned > 0) {
                out.put(
                        normalise(line.substring(0, pinned)),
                        line.substring(pinned + 2).strip());
            } else if (direct > 0) {
                out.put(normalise(line.substring(0, direct)), "");
            }
        }
        return out;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
