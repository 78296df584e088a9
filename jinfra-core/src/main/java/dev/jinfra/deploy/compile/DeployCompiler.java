package dev.jinfra.deploy.compile;

import dev.jinfra.deploy.Deploy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles deploy files into {@link Deploy} instances, in memory, with the JDK's own compiler.
 *
 * <p>A deploy file is either a compact source file with {@code void deploy(Host host) { ... }} (and any other
 * methods and fields it likes), or a class implementing {@code Deploy}. Either way it needs no imports for
 * {@code Host}, the deploy API or the operations ({@code apt}, {@code files}, ...): jinfra adds them on the
 * first line, so line numbers in errors and stack traces are the file's own.
 *
 * <p>Each file is compiled on its own and loaded by its own class loader, so files may reuse class names.
 * With a cache directory, compiled classes are kept there by content and later runs skip javac entirely.
 *
 * <p>javac is started only when something must be compiled: a run that finds everything in the cache
 * never loads the compiler. An instance may be reused; compiles are serialized.
 */
public final class DeployCompiler {
    private final DeployCache cache; // null: no cache
    private final ClassLoader parent;
    private final AtomicInteger javacRuns = new AtomicInteger();
    private InMemoryJavac javac; // created on first need; guarded by this

    /** A compiler that keeps compiled deploys under {@code cacheDir} (created when needed). */
    public DeployCompiler(Path cacheDir) {
        this.cache = new DeployCache(cacheDir);
        this.parent = Deploy.class.getClassLoader();
    }

    private DeployCompiler() {
        this.cache = null;
        this.parent = Deploy.class.getClassLoader();
    }

    /** A compiler that always compiles and stores nothing. */
    public static DeployCompiler withoutCache() {
        return new DeployCompiler();
    }

    /** How many times this compiler has run javac (cache hits don't count); one per file compiled. */
    public int javacRuns() {
        return javacRuns.get();
    }

    /** Compiles and loads one file; see {@link #loadAll}. */
    public LoadedDeploy load(Path file) throws IOException, DeployCompileException {
        return loadAll(List.of(file)).getFirst();
    }

    /**
     * Compiles and loads deploy files, keeping their order. Every file is compiled before any error is
     * reported, so one exception lists the errors of all broken files. Nothing of any deploy runs here.
     *
     * @throws IOException            when a file can't be read
     * @throws DeployCompileException when some file doesn't compile or has no deploy in it
     */
    public List<LoadedDeploy> loadAll(List<Path> files) throws IOException, DeployCompileException {
        List<LoadedDeploy> loaded = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Path name = file.getFileName();
            Outcome outcome = load(file.toString(), name == null ? file.toString() : name.toString(), bytes);
            if (outcome.errors().isEmpty()) {
                loaded.add(new LoadedDeploy(file, file.toString(), outcome.deploy()));
            } else {
                errors.addAll(outcome.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new DeployCompileException(errors);
        }
        return loaded;
    }

    /** A loaded deploy, or the errors that stopped it. */
    private record Outcome(Deploy deploy, List<String> errors) {
        static Outcome failed(List<String> errors) {
            return new Outcome(null, errors);
        }
    }

    private Outcome load(String displayName, String fileName, byte[] bytes) {
        String key = cache == null ? null : DeployCache.key(fileName, bytes);
        if (cache != null) {
            Optional<CompiledDeploy> hit = cache.read(key);
            if (hit.isPresent()) {
                try {
                    return new Outcome(instantiate(displayName, hit.get()), List.of());
                } catch (ReflectiveOperationException | LinkageError unusable) {
                    // Matched its manifest yet won't load: treat as corrupt and compile afresh.
                    cache.invalidate(key);
                }
            }
        }
        Compiled compiled = compile(displayName, fileName, text(bytes));
        if (compiled.deploy() == null) {
            return Outcome.failed(compiled.errors());
        }
        if (cache != null) {
            cache.write(key, compiled.deploy());
        }
        try {
            return new Outcome(instantiate(displayName, compiled.deploy()), List.of());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Outcome.failed(List.of(ErrorLines.problem(
                    displayName, "can't load the compiled deploy: " + dev.jinfra.problem.Problems.inWords(e))));
        }
    }

    private Deploy instantiate(String displayName, CompiledDeploy compiled) throws ReflectiveOperationException {
        var loader = new DeployClassLoader(displayName, compiled.classes(), parent);
        return ReflectiveDeploy.of(displayName, compiled, loader);
    }

    /** The compiled classes, or the errors. */
    private record Compiled(CompiledDeploy deploy, List<String> errors) {}

    private Compiled compile(String displayName, String fileName, String text) {
        PreparedSource source = PreparedSource.of(fileName, text);
        InMemoryJavac.Result result = javac(source);
        if (!result.ok() && !source.compact() && missingMain(result)) {
            // The scan took a compact file for a class: javac knows better, so compile it as compact.
            PreparedSource retry = PreparedSource.of(fileName, text, true);
            InMemoryJavac.Result second = javac(retry);
            if (second.ok() || !missingMain(second)) {
                source = retry;
                result = second;
            }
        }
        boolean droppedMain = false;
        if (!result.ok() && swallowedMain(source, result)) {
            // The user's text ends early (say an unclosed brace) and swallowed the appended main: report
            // what javac says about the user's text alone.
            source = source.withoutMain();
            result = javac(source);
            droppedMain = true;
        }
        if (!result.ok()) {
            List<String> errors = new ArrayList<>();
            for (var d : result.errors()) {
                if (!(droppedMain && isMissingMain(d))) {
                    errors.add(ErrorLines.of(displayName, source, d));
                }
            }
            if (errors.isEmpty()) {
                errors.add(ErrorLines.problem(displayName, "does not compile"));
            }
            return new Compiled(null, errors);
        }
        Map<String, byte[]> classes = result.classes();
        List<String> exits = ExitCalls.in(classes, displayName);
        if (!exits.isEmpty()) {
            return new Compiled(null, exits);
        }
        if (!source.javaName().equals(fileName)) {
            classes = SourceFileNames.rename(classes, fileName);
        }
        try {
            var loader = new DeployClassLoader(displayName, classes, parent);
            EntryPoint.Found found = EntryPoint.find(source, loader, classes.keySet());
            if (found.className() == null) {
                return new Compiled(null, List.of(ErrorLines.problem(displayName, found.problem())));
            }
            return new Compiled(new CompiledDeploy(source.compact(), found.className(), classes), List.of());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Compiled(
                    null,
                    List.of(ErrorLines.problem(
                            displayName, "can't load the compiled deploy: " + dev.jinfra.problem.Problems.inWords(e))));
        }
    }

    private InMemoryJavac.Result javac(PreparedSource source) {
        InMemoryJavac compiler;
        synchronized (this) {
            if (javac == null) {
                javac = new InMemoryJavac(InMemoryJavac.defaultClassPath(JinfraIdentity.location()));
            }
            compiler = javac;
        }
        javacRuns.incrementAndGet();
        return compiler.compile(source.javaName(), source.text());
    }

    private static boolean missingMain(InMemoryJavac.Result result) {
        return result.errors().stream().anyMatch(DeployCompiler::isMissingMain);
    }

    private static boolean swallowedMain(PreparedSource source, InMemoryJavac.Result result) {
        return result.errors().stream().anyMatch(d -> source.inAddedMain(d.getPosition()));
    }

    private static boolean isMissingMain(Diagnostic<? extends JavaFileObject> d) {
        return "compiler.err.implicit.class.does.not.have.main.method".equals(d.getCode());
    }

    /** The file's text; a UTF-8 byte order mark is dropped (javac would reject it in front of the imports). */
    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
