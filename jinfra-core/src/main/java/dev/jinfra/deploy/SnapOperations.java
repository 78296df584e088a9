package dev.jinfra.deploy;

import dev.jinfra.ops.packages.Snaps;
import java.util.List;

/**
 * The {@code snap} operations, as deploy code calls them: {@code snap.packages("lxd")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class SnapOperations {
    /**
     * Snaps are installed (from a channel, in classic confinement if asked), switched with snap refresh when they track
     * another channel than the one given, or removed. Without channel or classic all missing snaps go to one call; with
     * them, one call each, as snap requires.
     *
     * <p>{@code snap.packages}: installed; {@code .channel("latest/edge")} and {@code .classic(true)} say how, {@code .absent()} removes them.
     *
     * @param packages snap names
     */
    public SnapPackagesCall packages(String... packages) {
        return PrepareContext.register(SnapPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Snaps are installed (from a channel, in classic confinement if asked), switched with snap refresh when they track
     * another channel than the one given, or removed. Without channel or classic all missing snaps go to one call; with
     * them, one call each, as snap requires.
     *
     * <p>{@code snap.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new Snaps(List.of("lxd"), true, "5.21/stable", false)}
     */
    public SnapPackagesCall packages(Snaps packages) {
        return PrepareContext.register(packages, SnapPackagesCall::new);
    }
}
