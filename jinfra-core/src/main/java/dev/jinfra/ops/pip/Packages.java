package dev.jinfra.ops.pip;

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
 * {@code pip.packages}: Python packages are installed (at a pinned version with {@code name==version}) or
 * removed, by a pip or the pip of a virtualenv. All missing packages go to one pip call, so pip resolves
 * their dependencies together.
 */
@Doc(
        name = "pip.packages",
        value =
                "Python packages are installed with pip (all missing ones in one call; name==version pins), latest, or removed; "
                        + "optionally in a virtualenv. Pins compare as text with what pip freeze prints.",
        example = "pip.packages(\"gunicorn==21.2.0\").venv(\"/srv/app/venv\");")
public record Packages(
        @Arg(value = "package names, each optionally with [extras] and pinned as name==version", required = true)
        List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("install all of them with --upgrade every time, so pip moves each to its newest version")
        boolean latest,

        @Arg(value = "the pip program", defaultValue = "pip3")
        String pip,

        @Arg("a virtualenv's directory: its bin/pip is used instead of pip")
        String venv)
        implements Operation {

    // PEP 508 names, optional extras, an optional exact pin. Anything else (URLs, ranges, options) is refused:
    // the fact could not tell whether it is satisfied.
    private static final Pattern SPEC = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(\\[[A-Za-z0-9._,-]+\\])?(?:==([A-Za-z0-9.+!_-]+))?");

    public Packages {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("pip.packages needs at least one package");
        }
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (!SPEC.matcher(p).matches()) {
                throw new IllegalArgumentException(
                        "pip.packages: '" + p + "' is not a package name (or name==version)");
            }
        }
        checkPip("pip.packages", pip);
        checkPath("pip.packages", "venv", venv);
    }

    static void checkPip(String who, String pip) {
        if (pip == null || pip.isBlank() || pip.startsWith("-") || pip.contains("\n")) {
            throw new IllegalArgumentException(who + ": pip must be a program name or path, not '" + pip + "'");
        }
    }

    static void checkPath(String who, String arg, String path) {
        if (path != null && (!path.startsWith("/") || path.contains("\n"))) {
            throw new IllegalArgumentException(who + ": " + arg + " must be an absolute path, not '" + path + "'");
        }
    }

    /** The pip that runs: the virtualenv's own when one is given. */
    public String program() {
        return venv == null ? pip : venv.replaceAll("/+$", "") + "/bin/pip";
    }

    @Override
    public String describe() {
        return (present ? "Pip install: " : "Pip remove: ")
                + String.join(", ", packages)
                + (venv == null ? "" : " in " + venv);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new PipPackages(program()));
        List<String> todo = new ArrayList<>();
        for (String spec : packages) {
            Matcher m = SPEC.matcher(spec);
            m.matches();
            String version = installed.get(PipPackages.normalise(m.group(1)));
            String pin = m.group(3);
            boolean satisfied = version != null && (pin == null || pin.equals(version));
            // Like apt.packages: "latest" cannot know from the host whether an index has a newer version, so it
            // always asks pip. Removal ignores pins and extras: any installed version goes.
            if (present ? latest || !satisfied : version != null) {
                todo.add(present ? spec : m.group(1));
            }
        }
        if (todo.isEmpty()) {
            String names = String.join(", ", packages);
            return Plan.noChange(
                    names + (packages.size() == 1 ? " is" : " are") + (present ? " installed" : " not installed"));
        }
        List<String> words = new ArrayList<>(List.of(program()));
        words.addAll(
                present ? (latest ? List.of("install", "--upgrade") : List.of("install")) : List.of("uninstall", "-y"));
        words.add("--");
        words.addAll(todo);
        return Plan.run(Command.of(words));
    }
}
