package dev.jinfra.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts one {@link OpenSshFleet} per test class (before all its tests) and stops it after them; test
 * methods, constructors and lifecycle methods can take the fleet as an {@link OpenSshFleet} parameter.
 *
 * <pre>{@code
 * @ExtendWith(OpenSshFleetExtension.class)
 * @OpenSshHosts(20)                       // optional: else -Djinfra.e2e.hosts, else 5
 * class SomethingE2ETest {
 *     @Test void runs(OpenSshFleet fleet) { ... fleet.inventoryFile() ... }
 * }
 * // or: @RegisterExtension static final OpenSshFleetExtension FLEET = OpenSshFleetExtension.withHosts(3);
 * // system changes contained per host: @OpenSshHosts(value = 3, overlay = true)
 * //                                 or OpenSshFleetExtension.withHosts(3).withOverlay()
 * }</pre>
 *
 * <p>Where the fleet cannot run (no {@code /usr/sbin/sshd}, not root) the class's tests <em>fail</em> with
 * the reason: they are never skipped silently. Nested test classes share their outer class's fleet.
 */
public final class OpenSshFleetExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** System property with the number of hosts for classes that do not say. */
    public static final String HOSTS_PROPERTY = "jinfra.e2e.hosts";
    /** Hosts started when neither the class nor the system property says. */
    public static final int DEFAULT_HOSTS = 5;

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(OpenSshFleetExtension.class);
    private static final String KEY = "fleet";

    private record Running(OpenSshFleet fleet, Path tempDir, String owner) {}

    private final int hosts;
    /** Set by {@link #withOverlay()}; otherwise the class's {@link OpenSshHosts#overlay()} decides. */
    private final boolean overlay;

    private volatile OpenSshFleet current;

    /**
     * For {@code @ExtendWith}: the host count and the overlay choice come from {@link OpenSshHosts}, the count
     * else from the system property.
     */
    public OpenSshFleetExtension() {
        this(0, false);
    }

    private OpenSshFleetExtension(int hosts, boolean overlay) {
        this.hosts = hosts;
        this.overlay = overlay;
    }

    /** An extension starting exactly {@code n} hosts, for {@code @RegisterExtension}. */
    public static OpenSshFleetExtension withHosts(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a fleet needs at least one host, got " + n);
        }
        return new OpenSshFleetExtension(n, false);
    }

    /** This extension, but with every host's system directories as copy-on-write overlays. */
    public OpenSshFleetExtension withOverlay() {
        return new OpenSshFleetExtension(hosts, true);
    }

    /** The running fleet (between the class's before-all and after-all), for {@code @RegisterExtension} use. */
    public OpenSshFleet fleet() {
        OpenSshFleet f = current;
        if (f == null) {
            throw new IllegalStateException("no fleet is running: the extension starts it before all tests");
        }
        return f;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Running outer = store.get(KEY, Running.class);
        if (outer != null) {
            current = outer.fleet();
            return; // a nested class: the outer class's fleet serves it
        }
        String problem = OpenSshFleet.unavailableReason();
        if (problem != null) {
            throw new ExtensionConfigurationException(
                    "cannot start the OpenSSH fleet for " + context.getDisplayName() + ": " + problem);
        }
        Optional<OpenSshHosts> annotation = annotation(context);
        int n = hostCount(annotation);
        boolean withOverlay = overlay || annotation.map(OpenSshHosts::overlay).orElse(false);
        int maxSessions = annotation.map(OpenSshHosts::maxSessions).orElse(0);
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("jinfra-sshd-fleet-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the fleet", e);
        }
        OpenSshFleet fleet;
        try {
            OpenSshFleet.Options options =
                    OpenSshFleet.Options.of(n, tempDir.resolve("fleet")).withOverlay(withOverlay);
            fleet = OpenSshFleet.start(maxSessions > 0 ? options.withMaxSessions(maxSessions) : options);
        } catch (RuntimeException e) {
            deleteTree(tempDir);
            if (withOverlay) {
                // Tests asking for contained hosts must not run against shared system directories, nor be
                // skipped quietly: they fail, saying why.
                throw new ExtensionConfigurationException(
                        "cannot start the OpenSSH fleet with overlays for " + context.getDisplayName() + ": "
                                + e.getMessage(),
                        e);
            }
            throw e;
        }
        store.put(KEY, new Running(fleet, tempDir, context.getUniqueId()));
        current = fleet;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Running running = store.get(KEY, Running.class);
        if (running == null || !running.owner().equals(context.getUniqueId())) {
            return;
        }
        store.remove(KEY);
        current = null;
        try {
            running.fleet().close();
        } finally {
            deleteTree(running.tempDir());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == OpenSshFleet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Running running = extensionContext.getStore(NAMESPACE).get(KEY, Running.class);
        if (running == null) {
            throw new ParameterResolutionException("no OpenSSH fleet is running for "
                    + extensionContext.getDisplayName() + " (the fleet starts before all tests of the class)");
        }
        return running.fleet();
    }

    /** The nearest {@link OpenSshHosts} of the test class or its enclosing classes. */
    private static Optional<OpenSshHosts> annotation(ExtensionContext context) {
        Optional<OpenSshHosts> annotation = Optional.empty();
        for (Optional<ExtensionContext> c = Optional.of(context);
                c.isPresent() && annotation.isEmpty();
                c = c.get().getParent()) {
            annotation = c.get().getTestClass().flatMap(k -> AnnotationSupport.findAnnotation(k, OpenSshHosts.class));
        }
        return annotation;
    }

    private int hostCount(Optional<OpenSshHosts> annotation) {
        if (hosts > 0) {
            return hosts;
        }
        if (annotation.isPresent() && annotation.get().value() != 0) {
            int n = annotation.get().value();
            if (n < 1) {
                throw new ExtensionConfigurationException("@OpenSshHosts must be at least 1, got " + n);
            }
            return n;
        }
        // No annotation, or one that only asks for overlays: the count comes from the property.
        return hostsFromProperty();
    }

    /** The host count from {@value #HOSTS_PROPERTY}, or {@value #DEFAULT_HOSTS} when the property is unset. */
    public static int hostsFromProperty() {
        String value = System.getProperty(HOSTS_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_HOSTS;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ExtensionConfigurationException(
                "system property " + HOSTS_PROPERTY + " must be a number of hosts >= 1, got '" + value + "'");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover temporary directory does no harm
        }
    }
}
