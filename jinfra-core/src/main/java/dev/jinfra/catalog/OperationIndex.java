package dev.jinfra.catalog;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.api.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every operation and fact of the operation families: the records under {@code dev.jinfra.ops} that carry
 * {@link Doc}. Declaring the record is all it takes to add one: no list to keep in step elsewhere. Works from a
 * directory of classes (tests, the IDE) and from a jar (the command line).
 */
final class OperationIndex {
    private static final String ROOT = "dev/jinfra/ops/";

    private OperationIndex() {}

    /** The records found, sorted by class name so that the catalog's order does not depend on the file system. */
    static List<Class<? extends Record>> records() {
        ClassLoader loader = OperationIndex.class.getClassLoader();
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(ROOT))) {
                names.addAll(classNames(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the operation families", e);
        }
        List<Class<? extends Record>> found = new ArrayList<>();
        for (String name : names.stream().sorted().distinct().toList()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + name, e);
            }
            if (type.isRecord()
                    && type.isAnnotationPresent(Doc.class)
                    && (Operation.class.isAssignableFrom(type) || Fact.class.isAssignableFrom(type))) {
                found.add(type.asSubclass(Record.class));
            }
        }
        return found;
    }

    private static List<String> classNames(URL url) throws IOException {
        if (url.getProtocol().equals("jar")) {
            var connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream()
                        .map(e -> e.getName())
                        .filter(n -> n.startsWith(ROOT) && isTopLevelClass(n))
                        .map(OperationIndex::className)
                        .toList();
            }
        }
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("not a directory of classes: " + url, e);
        }
        Path base = dir;
        for (int i = 0; i < ROOT.split("/").length; i++) {
            base = base.getParent();
        }
        Path classes = base;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(OperationIndex::isTopLevelClass)
                    .map(OperationIndex::className)
                    .toList();
        }
    }

    /** Nested classes (a fact's {@code Value}) are not operations or facts of their own. */
    private static boolean isTopLevelClass(String path) {
        return path.endsWith(".class") && !path.contains("$");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
