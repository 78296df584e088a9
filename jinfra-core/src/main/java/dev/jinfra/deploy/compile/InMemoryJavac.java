package dev.jinfra.deploy.compile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac run in memory: one source text in, class files as bytes out. Nothing touches the disk.
 *
 * <p>One instance keeps one standard file manager, so the class path's jars are opened and indexed once
 * and later compiles in the same JVM are much cheaper. The file manager is not thread-safe: compiles are
 * serialized.
 */
final class InMemoryJavac {

    /** javac's options; {@code -g} keeps line numbers for stack traces, {@code -proc:none} skips annotation processor discovery. */
    static final List<String> OPTIONS =
            List.of("--release", "25", "-proc:none", "-g", "-encoding", "UTF-8", "-Xlint:none", "-implicit:none");

    /** The outcome: class files by binary name when it worked, else javac's errors. */
    record Result(Map<String, byte[]> classes, List<Diagnostic<? extends JavaFileObject>> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;

    InMemoryJavac(List<Path> classPath) {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("deploy files need a Java compiler: run jinfra on a JDK (with the "
                    + "jdk.compiler module), not a bare JRE");
        }
        files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            // No source path: javac would otherwise look for .java files along the class path.
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running JVM's class path, plus wherever jinfra itself was loaded from if that isn't on it. */
    static List<Path> defaultClassPath(Path jinfraLocation) {
        List<Path> paths = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        if (jinfraLocation != null && !paths.contains(jinfraLocation)) {
            paths.add(jinfraLocation);
        }
        return paths;
    }

    synchronized Result compile(String javaName, String text) {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var output = new MemoryOutput(files);
        JavaCompiler.CompilationTask task =
                javac.getTask(null, output, diagnostics, OPTIONS, null, List.of(new SourceText(javaName, text)));
        boolean ok = task.call();
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (var d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        if (!ok && errors.isEmpty()) {
            throw new IllegalStateException("javac failed without reporting an error for " + javaName);
        }
        return new Result(ok ? output.classes() : Map.of(), errors);
    }

    /** The source, held in memory. */
    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String javaName, String text) {
            // The last path segment becomes the class file's SourceFile attribute and a compact file's class name.
            super(URI.create("jinfra-deploy:///" + javaName), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }

        /** Any name fits: a deploy file called deploy.java may hold {@code public class WebDeploy}. */
        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return true;
        }
    }

    /** Collects class files in memory instead of writing them to an output directory. */
    private static final class MemoryOutput extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();

        MemoryOutput(JavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            var bytes = new ByteArrayOutputStream();
            classes.put(className, bytes);
            return new SimpleJavaFileObject(
                    URI.create("jinfra-class:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return bytes;
                }
            };
        }

        /** The per-task wrapper must not close the shared file manager underneath it. */
        @Override
        public void close() {}

        Map<String, byte[]> classes() {
            Map<String, byte[]> out = new LinkedHashMap<>();
            classes.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
            return out;
        }
    }
}
