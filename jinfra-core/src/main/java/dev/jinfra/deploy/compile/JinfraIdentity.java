package dev.jinfra.deploy.compile;

import dev.jinfra.deploy.Deploy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.Stream;

/**
 * Identifies the jinfra build deploys are compiled against, so cached deploys are rebuilt when jinfra changes:
 * a deploy compiled against one version's {@code Operations} may not link against another's.
 */
final class JinfraIdentity {
    private JinfraIdentity() {}

    private static volatile String cached;

    /** Where jinfra's classes come from: a jar or a classes directory; null when unknown. */
    static Path location() {
        try {
            CodeSource source = Deploy.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null
                    ? null
                    : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    static String get() {
        String id = cached;
        if (id == null) {
            id = compute(location());
            cached = id;
        }
        return id;
    }

    private static String compute(Path location) {
        try {
            if (location != null && Files.isRegularFile(location)) {
                return "jar " + location + " " + Files.size(location) + " "
                        + Files.getLastModifiedTime(location).toMillis();
            }
            if (location != null && Files.isDirectory(location)) {
                // A development build: a directory's own time doesn't change when files in it do, so look at them.
                long count = 0;
                long size = 0;
                long newest = 0;
                try (Stream<Path> walk = Files.walk(location)) {
                    for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        count++;
                        size += Files.size(p);
                        newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                    }
                }
                return "dir " + location + " " + count + " " + size + " " + newest;
            }
        } catch (IOException e) {
            // fall through to the class bytes
        }
        return "classes " + classBytesHash();
    }

    /** Last resort when jinfra's location is unknown: the deploy API's own class files. */
    private static int classBytesHash() {
        int h = 0;
        for (String name : new String[] {"Deploy.class", "Operations.class"}) {
            try (InputStream in = Deploy.class.getResourceAsStream(name)) {
                h = 31 * h + (in == null ? 0 : java.util.Arrays.hashCode(in.readAllBytes()));
            } catch (IOException e) {
                h = 31 * h;
            }
        }
        return h;
    }
}
