package dev.jinfra.deploy.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The one-call way to turn deploy files into runnable deploys. */
public final class DeployFiles {
    private DeployFiles() {}

    /**
     * Compiles (or takes from {@code cacheDir}) and loads the files, in the order given.
     *
     * @param cacheDir where compiled deploys are kept, e.g. {@code .jinfra/cache/deploys}; null for no cache
     */
    public static List<LoadedDeploy> load(List<Path> files, Path cacheDir) throws IOException, DeployCompileException {
        DeployCompiler compiler = cacheDir == null ? DeployCompiler.withoutCache() : new DeployCompiler(cacheDir);
        return compiler.loadAll(files);
    }
}
