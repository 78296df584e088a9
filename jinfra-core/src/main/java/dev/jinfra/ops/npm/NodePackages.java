package dev.jinfra.ops.npm;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code npm.packages}: Node packages are installed (at a pinned version with {@code name@version}) or removed,
 * globally or in a project directory. All missing packages go to one npm call.
 */
@Doc(
        name = "npm.packages",
        value =
                "Node packages are installed with npm (all missing ones in one call; name@version pins), latest, or "
                        + "removed; globally, or in a project directory when one is given. Pins compare as text with the installed version.",
        example = "npm.packages(\"pm2\", \"typescript@5.4.5\").sudo();")
public record NodePackages(
        @Arg(value = "package names (with @scope/), each optionally pinned as name@version", required = true)
        List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("install the unpinned ones as name@latest every time, so npm moves each to its newest version")
        boolean latest,

        @Arg("the project directory whose node_modules holds them; global packages (-g) when not given")
        String directory)
        implements Operation {

    // npm's names: an optional @scope/, lowercase mostly (old packages have capitals), no leading '.' or '_';
    // then an optional exact version. Ranges, tags and URLs are refused: the fact could not tell whether they hold.
    private static final Pattern SPEC = Pattern.compile(
            "((?:@[A-Za-z0-9][A-Za-z0-9._~-]*/)?[A-Za-z0-9][A-Za-z0-9._~-]*)(?:@([0-9][A-Za-z0-9.+_-]*))?");

    public NodePackages {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("npm.packages needs at least one package");
        }
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (p == null || !SPEC.matcher(p).matches()) {
                throw new IllegalArgumentException("npm.packages: '" + p + "' is not a package name (or name@version)");
            }
        }
        checkDirectory("npm.packages", directory);
    }

    static void checkDirectory(String who, String directory) {
        if (directory != null && (!directory.startsWith("/") || directory.contains("\n"))) {
            throw new IllegalArgumentException(who + ": directory must be an absolute path, not '" + directory + "'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Npm install: " : "Npm remove: ")
                + String.join(", ", packages)
                + (directory == null ? " (global)" : " in " + directory);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new NpmPackages(directory));
        List<String> todo = new ArrayList<>();
        for (String spec : packages) {
            Matcher m = SPEC.matcher(spec);
            m.matches();
            String name = m.group(1);
            String pin = m.group(2);
            String version = installed.get(name);
            boolean satisfied = version != null && (pin == null || pin.equals(version));
            if (!present) {
                if (version != null) {
                    todo.add(name);
                }
            } else if (latest && pin == null) {
                // Only npm knows whether a newer version exists; @latest makes it install that even in a project
                // whose package.json allows an older one.
                todo.add(name + "@latest");
            } else if (!satisfied) {
                todo.add(spec);
            }
        }
        if (todo.isEmpty()) {
            return Plan.noChange(String.join(", ", packages)
                    + (packages.size() == 1 ? " is" : " are")
                    + (present ? " installed" : " not installed"));
        }
        List<String> words = new ArrayList<>(List.of("npm", present ? "install" : "uninstall"));
        if (directory == null) {
            words.add("-g");
        } else {
            words.addAll(List.of("--prefix", directory));
        }
        words.add("--");
        words.addAll(todo);
        return Plan.run(Command.of(words));
    }
}
