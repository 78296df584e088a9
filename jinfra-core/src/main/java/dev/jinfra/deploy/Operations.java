package dev.jinfra.deploy;

import dev.jinfra.ops.FilesOperations;
import dev.jinfra.ops.ServerOperations;

/**
 * The operation families a deploy file uses by name ({@code server.shell(...)}, {@code files.directory(...)}):
 * deploy files import these statically, so a compact source file needs no imports of its own.
 */
public final class Operations {
    private Operations() {}

    public static final ServerOperations server = new ServerOperations();
    public static final FilesOperations files = new FilesOperations();
    public static final dev.jinfra.ops.AptOperations apt = new dev.jinfra.ops.AptOperations();
    public static final dev.jinfra.ops.GitOperations git = new dev.jinfra.ops.GitOperations();
    public static final dev.jinfra.ops.PipOperations pip = new dev.jinfra.ops.PipOperations();
    public static final dev.jinfra.ops.ServiceOperations service = new dev.jinfra.ops.ServiceOperations();
    public static final dev.jinfra.ops.PackageOperations packages = new dev.jinfra.ops.PackageOperations();

    /**
     * A fact of the host whose deploy code runs, read over its session on first use, for deploy code that
     * branches on the host's state: {@code fact(new DirectoryInfo("/srv"))}. Only while the deploy code runs.
     */
    public static <T> T fact(dev.jinfra.api.Fact<T> fact) {
        return PrepareContext.fact(fact);
    }

    /**
     * A deploy piece: its operations run with {@code settings} unless they set their own, e.g.
     * {@code with(settings().sudo(), () -> { ... })}.
     */
    public static void with(Settings settings, Runnable piece) {
        PrepareContext.with(settings, piece);
    }

    /** Settings to chain for {@link #with}. */
    public static Settings settings() {
        return Settings.NONE;
    }

    /** Under the {@code free} strategy, hosts wait here for each other; see {@link Barrier}. */
    public static OperationCall barrier() {
        return PrepareContext.register(new Barrier());
    }
}
