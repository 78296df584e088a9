package dev.jinfra.deploy;

import dev.jinfra.ops.packages.Flatpaks;
import java.util.List;

/**
 * The {@code flatpak} operations, as deploy code calls them: {@code flatpak.packages("org.videolan.VLC")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class FlatpakOperations {
    /**
     * {@code flatpak.packages}: installed from flathub; {@code .arg("remote", ..)}, {@code .arg("latest", true)} and {@code .absent()} by name.
     *
     * @param packages application ids
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(Flatpaks.class).arg("packages", List.of(packages));
    }

    /**
     * {@code flatpak.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new Flatpaks(List.of("org.videolan.VLC"), true, false, "flathub")}
     */
    public OperationCall packages(Flatpaks packages) {
        return PrepareContext.register(packages);
    }
}
