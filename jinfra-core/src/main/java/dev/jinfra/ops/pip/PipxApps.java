package dev.jinfra.ops.pip;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pipx.packages}: Python applications are installed each in its own virtual environment with pipx (a
 * version with {@code name==version}), upgraded or removed, for the user the operation runs as.
 */
@Doc(
        name = "pipx.packages",
        value = "Python applications are installed with pipx install (name==version pins; a pinned app at another "
                + "version is installed again with --force), upgraded with latest, or removed with pipx uninstall; "
                + "for the user the operation runs as.",
        example = "pipx.packages(\"black\", \"httpie==3.2.2\");")
public record PipxApps(
        @Arg(value = "package names, each optionally pinned as name==version", required = true)
        List<String> packages,

        @Arg(value = "whether the applications should be installed", defaultValue = "true")
        boolean present,

        @Arg("upgrade the unpinned installed ones every time (pipx upgrade)")
        boolean latest)
        implements Operation {

    // PEP 508 names (letters, digits, '.', '_', '-'; starting with a letter or digit), then an exact version.
    private static final Pattern SPEC =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)(?:==([A-Za-z0-9][A-Za-z0-9.+!-]*))?");

    public PipxApps {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("pipx.packages needs at least one package");
        }
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (p == null || !SPEC.matcher(p).matches()) {
                throw new IllegalArgumentException(
                        "pipx.packages: '" + p + "' is not a package name (or name==version)");
            }
        }
    }

    @Override
    public String describe() {
        return (present ? "Pipx install: " : "Pipx uninstall: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new PipxPackages());
        List<Command> commands = new ArrayList<>();
        for (String spec : packages) {
            Matcher m = SPEC.matcher(spec);
            m.matches();
            // pipx lists the normalized name: lower case, runs of '.', '_' and '-' as one '-'.
            String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[._-]+", "-");
            String pin = m.group(2);
            String version = installed.get(name);
            if (!present) {
                if (version != null) {
                    commands.add(Command.of("pipx", "uninstall", name));
                }
            } else if (version == null) {
                commands.add(Command.of("pipx", "install", spec));
            } else if (pin != null && !pin.equals(version)) {
                // pipx install leaves an installed app alone; --force replaces it with the version asked for.
                commands.add(Command.of("pipx", "install", "--force", spec));
            } else if (pin == null && latest) {
                commands.add(Command.of("pipx", "upgrade", name));
            }
        }
        if (commands.isEmpty()) {
            return Plan.noChange(String.join(", ", packages)
                    + (packages.size() == 1 ? " is" : " are")
                    + (present ? " installed" : " not installed"));
        }
        return Plan.run(commands);
    }
}
