package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code apt.packages}: Debian packages are installed (at a version, with {@code name=version}) or removed.
 * All missing packages go to one apt-get call, so apt resolves them together.
 */
@Doc(
        name = "apt.packages",
        value =
                "Debian packages are installed (all missing ones in one apt-get call), at a version, latest, or removed. "
                        + "apt-get never asks: configuration files changed on the host are kept, it waits up to 120 s for another apt "
                        + "to let go of the lock, and a pinned version may be a downgrade.",
        example = "apt.packages(\"nginx\", \"curl\").sudo();")
public record AptPackages(
        @Arg(value = "package names, each optionally pinned as name=version", required = true)
        List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("install all of them every time, so apt upgrades those with newer versions")
        boolean latest,

        @Arg("run apt-get update first") boolean update,

        @Arg("with update: skip it when the lists are younger than this many seconds")
        Integer cacheAgeSeconds)
        implements Operation {
    // Debian policy names (with an optional :arch) and versions ([epoch:]upstream[-revision], plus ~ and +).
    private static final Pattern SPEC = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?(=[A-Za-z0-9.+~:-]+)?");

    public AptPackages {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("apt.packages needs at least one package");
        }
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (!SPEC.matcher(p).matches()) {
                throw new IllegalArgumentException("apt.packages: '" + p + "' is not a package name (or name=version)");
            }
        }
        if (cacheAgeSeconds != null && cacheAgeSeconds < 0) {
            throw new IllegalArgumentException(
                    "apt.packages: cacheAgeSeconds must not be negative, not " + cacheAgeSeconds);
        }
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new DebPackages(
                packages.stream().map(AptPackages::name).distinct().toList()));
        List<String> todo = new ArrayList<>();
        // apt-get refuses to install a pinned version below the installed one unless told it may. Which of
        // two versions is lower is dpkg's own ordering, so any pin that differs from what is installed allows
        // it: the pin says which version is wanted, whichever way that goes.
        boolean downgrades = false;
        for (String spec : packages) {
            String version = installed.get(name(spec));
            String pin = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : null;
            boolean satisfied = version != null && (pin == null || pin.equals(version));
            // Removal ignores pins: any installed version of the package goes. "latest" cannot tell from dpkg
            // whether a newer version exists, so it always asks apt, which upgrades only what it can.
            if (present ? latest || !satisfied : version != null) {
                todo.add(present ? spec : name(spec));
                downgrades |= present && pin != null && version != null && !pin.equals(version);
            }
        }
        String names =
                String.join(", ", packages.stream().map(AptPackages::name).toList());
        if (todo.isEmpty()) {
            return Plan.noChange(
                    names + (packages.size() == 1 ? " is" : " are") + (present ? " installed" : " not installed"));
        }
        List<Command> commands = new ArrayList<>();
        if (present && update) {
            commands.addAll(AptUpdate.commands(facts, cacheAgeSeconds));
        }
        List<String> words = new ArrayList<>(List.of(present ? "install" : "remove", "-y"));
        if (downgrades) {
            words.add("--allow-downgrades");
        }
        words.add("--");
        words.addAll(todo);
        commands.add(AptGet.command(words));
        return Plan.run(commands);
    }

    /** The name dpkg lists: without the pinned version or the architecture. */
    private static String name(String spec) {
        String n = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec;
        return n.contains(":") ? n.substring(0, n.indexOf(':')) : n;
    }
}
