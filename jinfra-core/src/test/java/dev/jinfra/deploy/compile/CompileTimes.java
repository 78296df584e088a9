package dev.jinfra.deploy.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * Measures deploy compile times; not a test. Run from jinfra-core in a fresh JVM, twice with the same cache
 * directory (the first run compiles, the second hits the cache):
 *
 * <pre>java -cp target/classes:target/test-classes dev.jinfra.deploy.compile.CompileTimes /tmp/cache</pre>
 */
public final class CompileTimes {
    private CompileTimes() {}

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        Path first = Fixtures.file("compact/deploy.java");
        Path second = Fixtures.file("pieces/deploy.java");
        long start = System.nanoTime();

        DeployCompiler compiler = new DeployCompiler(cache);
        long t0 = System.nanoTime();
        compiler.load(first);
        long t1 = System.nanoTime();
        compiler.load(second);
        long t2 = System.nanoTime();
        DeployCompiler again = new DeployCompiler(cache);
        again.loadAll(List.of(first, second));
        long t3 = System.nanoTime();

        System.out.printf("first file: %d ms (javac runs %d)%n", (t1 - t0) / 1_000_000, compiler.javacRuns());
        System.out.printf("second file, same JVM: %d ms%n", (t2 - t1) / 1_000_000);
        System.out.printf(
                "both again from the cache, same JVM: %d ms (javac runs %d)%n",
                (t3 - t2) / 1_000_000, again.javacRuns());
        System.out.printf("main total: %d ms%n", (t3 - start) / 1_000_000);
    }
}
