package dev.jinfra.ops.cargo;

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
 * {@code cargo.packages}: crates' programs are installed with {@code cargo install} (a version with
 * {@code name@version}) or removed, for the user the operation runs as.
 */
@Doc(
        name = "cargo.packages",
        value = "Crates are installed with cargo install (all missing ones in one call; name@version pins), latest, or "
                + "removed with cargo uninstall; in the cargo home of the user the operation runs as.",
        example = "cargo.packages(\"ripgrep\", \"fd-find@10.1.0\");")
public record Crates(
        @Arg(value = "crate names, each optionally pinned as name@version", required = true)
        List<String> packages,

        @Arg(value = "whether the crates should be installed", defaultValue = "true")
        boolean present,

        @Arg("install the unpinned ones every time, so cargo moves each to its newest version")
        boolean latest)
        implements Operation {

    // crates.io names: ASCII letters, digits, '-' and '_', starting with a letter; then an exact version.
    private static final Pattern SPEC = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:@([0-9][A-Za-z0-9.+-]*))?");

    public Crates {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("cargo.packages needs at least one crate");
        }
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (p == null || !SPEC.matcher(p).matches()) {
                throw new IllegalArgumentException("cargo.packages: '" + p + "' is not a crate name (or name@version)");
            }
        }
    }

    @Override
    public String describe() {
        return (present ? "Cargo install: " : "Cargo uninstall: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new CargoPackages());
        List<String> todo = new ArrayList<>();
        for (String spec : packages) {
            Matcher m = SPEC.matcher(spec);
            m.matches();
            String version = installed.get(m.group(1));
            String pin = m.group(2);
            boolean satisfied = version != null && (pin == null || pin.equals(version));
            // cargo install of an installed crate moves it to the newest version, and does nothing when it is
            // there already; only cargo knows which, so latest always asks.
            if (present ? !satisfied || latest && pin == null : version != null) {
                todo.add(present ? spec : m.group(1));
            }
        }
        if (todo.isEmpty()) {
            return Plan.noChange(String.join(", ", packages)
                    + (packages.size() == 1 ? " is" : " are")
                    + (present ? " installed" : " not installed"));
        }
        List<String> words = new ArrayList<>(List.of("cargo", present ? "install" : "uninstall", "--"));
        words.addAll(todo);
        return Plan.run(Command.of(words));
    }
}
