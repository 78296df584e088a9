package dev.jinfra.deploy;

import dev.jinfra.ops.packages.Flatpaks;
import java.util.List;

/**
 * The {@code flatpak} operations, as deploy code calls them: {@code flatpak.packages("org.videolan.VLC")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class FlatpakOperations {
    /**
     * Flatpak applications (by id) are installed from a remote with flatpak install --noninteractive (all missing ones
     * in one call), updated with latest, or removed.
     *
     * <p>{@code flatpak.packages}: installed from flathub; {@code .remote(..)}, {@code .latest(true)} and {@code .absent()} by name.
     *
     * @param packages application ids
     */
    public FlatpakPackagesCall packages(String... packages) {
        return PrepareContext.register(FlatpakPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Flatpak applications (by id) are installed from a remote with flatpak install --noninteractive (all missing ones
     * in one call), updated with latest, or removed.
     *
     * <p>{@code flatpak.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new Flatpaks(List.of("org.videolan.VLC"), true, false, "flathub")}
     */
    public FlatpakPackagesCall packages(Flatpaks packages) {
        return PrepareContext.register(packages, FlatpakPackagesCall::new);
    }
}
