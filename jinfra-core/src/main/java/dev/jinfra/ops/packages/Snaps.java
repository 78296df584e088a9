package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code snap.packages}: snaps are installed (from a channel, with classic confinement if asked), moved to the
 * wanted channel when they track another, or removed.
 */
@Doc(
        name = "snap.packages",
        value =
                "Snaps are installed (from a channel, in classic confinement if asked), switched with snap refresh when "
                        + "they track another channel than the one given, or removed. Without channel or classic all missing "
                        + "snaps go to one call; with them, one call each, as snap requires.",
        example = "snap.packages(\"lxd\").channel(\"5.21/stable\").sudo();")
public record Snaps(
        @Arg(value = "snap names", required = true) List<String> packages,

        @Arg(value = "whether the snaps should be installed", defaultValue = "true")
        boolean present,

        @Arg("the channel to install from and track, e.g. stable, latest/edge or 5.21/stable")
        String channel,

        @Arg("install with classic confinement (--classic), for snaps that need it")
        boolean classic)
        implements Operation {

    // Snap names (lowercase letters, digits, inner dashes) with an optional instance key (name_key).
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:_[a-z0-9]{1,10})?");
    // track/risk/branch, each part optional but the risk; no leading '-', so never an option.
    private static final Pattern CHANNEL =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*){0,2}");
    private static final Set<String> RISKS = Set.of("stable", "candidate", "beta", "edge");
    private static final String CUT = "...";

    public Snaps {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("snap.packages needs at least one snap");
        }
        for (String p : packages) {
            if (p == null || !NAME.matcher(p).matches()) {
                throw new IllegalArgumentException("snap.packages: '" + p + "' is not a snap name");
            }
        }
        packages = List.copyOf(packages);
        if (channel != null && !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("snap.packages: '" + channel + "' is not a channel (track/risk/branch)");
        }
    }

    @Override
    public String describe() {
        return (present ? "Install snaps: " : "Remove snaps: ")
                + String.join(", ", packages)
                + (present && channel != null ? " (" + channel + ")" : "");
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, SnapPackages.Snap> installed = facts.get(new SnapPackages());
        List<String> missing = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        boolean untracked = false;
        for (String p : packages) {
            SnapPackages.Snap snap = installed.get(p);
            // A snap installed from a file tracks no channel, and snap refresh could not move it to one.
            untracked |= snap != null && snap.tracking() == null;
            if (present && snap == null) {
                missing.add(p);
            } else if (present && channel != null && snap.tracking() != null && !tracks(snap.tracking())) {
                elsewhere.add(p);
            } else if (!present && snap != null) {
                missing.add(p);
            }
        }
        if (missing.isEmpty() && elsewhere.isEmpty()) {
            String names = String.join(", ", packages);
            return Plan.noChange(names
                    + (packages.size() == 1 ? " is" : " are")
                    + (present
                            ? " installed" + (channel == null || untracked ? "" : ", tracking " + full(channel))
                            : " not installed"));
        }
        List<Command> commands = new ArrayList<>();
        if (!present) {
            commands.add(snap("remove", missing));
        } else if (channel == null && !classic) {
            if (!missing.isEmpty()) {
                commands.add(snap("install", missing));
            }
        } else {
            // snap takes a channel or --classic only for a single snap.
            missing.forEach(p -> commands.add(snap("install", List.of(p))));
        }
        elsewhere.forEach(p -> commands.add(snap("refresh", List.of(p))));
        return Plan.run(commands);
    }

    private Command snap(String action, List<String> names) {
        List<String> words = new ArrayList<>(List.of("snap", action));
        if (!action.equals("remove")) {
            if (channel != null) {
                words.add("--channel=" + channel);
            }
            if (classic && action.equals("install")) {
                words.add("--classic");
            }
        }
        // Names are checked above, so none is an option.
        words.addAll(names);
        return Command.of(words);
    }

    /** Whether a snap tracking {@code tracking} (as snap list shows it) is on the wanted channel. */
    private boolean tracks(String tracking) {
        String wanted = full(channel);
        if (tracking.endsWith(CUT)) {
            return wanted.startsWith(tracking.substring(0, tracking.length() - CUT.length()));
        }
        return wanted.equals(full(tracking));
    }

    /** A channel as snap list shows it: a risk alone is on the latest track, a track alone is its stable risk. */
    private static String full(String channel) {
        if (channel.contains("/")) {
            return channel;
        }
        return RISKS.contains(channel) ? "latest/" + channel : channel + "/stable";
    }
}
