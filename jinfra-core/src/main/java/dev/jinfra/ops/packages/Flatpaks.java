package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;
import java.util.regex.Pattern;

/** {@code flatpak.packages}: Flatpak applications are installed from a remote, updated with latest, or removed. */
@Doc(
        name = "flatpak.packages",
        value = "Flatpak applications (by id) are installed from a remote with flatpak install --noninteractive (all "
                + "missing ones in one call), updated with latest, or removed.",
        example = "flatpak.packages(\"org.videolan.VLC\").sudo();")
public record Flatpaks(
        @Arg(value = "application ids, e.g. org.videolan.VLC", required = true)
        List<String> packages,

        @Arg(value = "whether the applications should be installed", defaultValue = "true")
        boolean present,

        @Arg("also update the installed ones (flatpak update)")
        boolean latest,

        @Arg(value = "the remote to install from", defaultValue = "flathub")
        String remote)
        implements Operation {

    // Flatpak's remote names; no leading '-'.
    private static final Pattern REMOTE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public Flatpaks {
        packages = PackageNames.check("flatpak.packages", packages);
        remote = remote == null ? "flathub" : remote;
        if (!REMOTE.matcher(remote).matches()) {
            throw new IllegalArgumentException("flatpak.packages: '" + remote + "' is not a remote name");
        }
    }

    @Override
    public String describe() {
        return (present ? "Install flatpaks: " : "Remove flatpaks: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        return PackagePlans.plan(
                packages,
                present,
                latest,
                facts.get(new FlatpakPackages()),
                List.of("flatpak", "install", "--noninteractive", remote),
                List.of("flatpak", "update", "--noninteractive"),
                List.of("flatpak", "uninstall", "--noninteractive"));
    }
}
