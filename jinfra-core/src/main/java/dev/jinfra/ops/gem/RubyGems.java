package dev.jinfra.ops.gem;

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
 * {@code gem.packages}: Ruby gems are installed (a version with {@code name:version}) or removed, all missing ones
 * in one gem call. Several versions of a gem may be installed side by side: a pin holds when it is among them.
 */
@Doc(
        name = "gem.packages",
        value =
                "Ruby gems are installed with gem install (all missing ones in one call, without documentation; "
                        + "name:version pins, which hold when that version is among those installed), latest, or removed (every version).",
        example = "gem.packages(\"bundler\", \"rake:13.2.1\").sudo();")
public record RubyGems(
        @Arg(value = "gem names, each optionally with a version as name:version", required = true)
        List<String> packages,

        @Arg(value = "whether the gems should be installed", defaultValue = "true")
        boolean present,

        @Arg("install the unpinned ones every time, so gem adds their newest version")
        boolean latest,

        @Arg(value = "the gem program, e.g. /opt/ruby/bin/gem", defaultValue = "gem")
        String gem)
        implements Operation {

    private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*)(?::([0-9][A-Za-z0-9.]*))?");

    public RubyGems {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("gem.packages needs at least one gem");
        }
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (p == null || !SPEC.matcher(p).matches()) {
                throw new IllegalArgumentException("gem.packages: '" + p + "' is not a gem name (or name:version)");
            }
        }
        checkGem("gem.packages", gem);
    }

    static void checkGem(String who, String gem) {
        if (gem == null || gem.isBlank() || gem.startsWith("-") || gem.contains("\n")) {
            throw new IllegalArgumentException(who + ": gem must be a program name or path, not '" + gem + "'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Gem install: " : "Gem remove: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, List<String>> installed = facts.get(new GemPackages(gem));
        List<String> todo = new ArrayList<>();
        for (String spec : packages) {
            Matcher m = SPEC.matcher(spec);
            m.matches();
            List<String> versions = installed.getOrDefault(m.group(1), List.of());
            String pin = m.group(2);
            boolean satisfied = !versions.isEmpty() && (pin == null || versions.contains(pin));
            // As with pip and apt, only gem knows whether a newer version exists: latest always asks it.
            if (present ? !satisfied || latest && pin == null : !versions.isEmpty()) {
                todo.add(present ? spec : m.group(1));
            }
        }
        if (todo.isEmpty()) {
            return Plan.noChange(String.join(", ", packages)
                    + (packages.size() == 1 ? " is" : " are")
                    + (present ? " installed" : " not installed"));
        }
        // --all: every installed version goes; --executables: their programs too, without asking. Names are
        // checked above, so none is an option.
        List<String> words = new ArrayList<>(
                present
                        ? List.of(gem, "install", "--no-document")
                        : List.of(gem, "uninstall", "--all", "--executables"));
        words.addAll(todo);
        return Plan.run(Command.of(words));
    }
}
