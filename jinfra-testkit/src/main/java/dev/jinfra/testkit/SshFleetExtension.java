package dev.jinfra.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an {@link SshFleet} for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SshFleetExtension fleet = SshFleetExtension.hosts(20);
 * }</pre>
 *
 * <p>Registered on a static field, the fleet starts before the class's first test and closes after its last;
 * registered on an instance field, it lives for one test. Before each test every host's faults and recorded
 * history are cleared, so tests neither inherit a hanging host nor count another test's sessions.
 */
public final class SshFleetExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final SshFleet.Builder builder;
    private SshFleet fleet;
    // The context that started the fleet closes it: @Nested classes see the outer class's extension again.
    private String ownerContextId;

    private SshFleetExtension(SshFleet.Builder builder) {
        this.builder = builder;
    }

    /** A fleet of {@code count} hosts with default settings. */
    public static SshFleetExtension hosts(int count) {
        return of(SshFleet.builder().hosts(count));
    }

    /** A fleet configured by this builder. */
    public static SshFleetExtension of(SshFleet.Builder builder) {
        return new SshFleetExtension(Objects.requireNonNull(builder, "builder"));
    }

    /** Further configuration, e.g. {@code SshFleetExtension.hosts(5).configure(b -> b.password("secret"))}. */
    public SshFleetExtension configure(Consumer<SshFleet.Builder> configuration) {
        configuration.accept(builder);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfNeeded(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startIfNeeded(context)) {
            fleet.clearFaults();
            fleet.clearHistory();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeIfOwner(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeIfOwner(context);
    }

    private synchronized boolean startIfNeeded(ExtensionContext context) {
        if (fleet != null && fleet.isRunning()) {
            return false;
        }
        fleet = builder.build().start();
        ownerContextId = context.getUniqueId();
        return true;
    }

    private synchronized void closeIfOwner(ExtensionContext context) {
        if (fleet != null && context.getUniqueId().equals(ownerContextId)) {
            fleet.close();
            ownerContextId = null;
        }
    }

    /** The running fleet. */
    public SshFleet fleet() {
        if (fleet == null) {
            throw new IllegalStateException("the fleet starts with the first test of the class");
        }
        return fleet;
    }

    public List<FleetHost> hosts() {
        return fleet().hosts();
    }

    public FleetHost host(String name) {
        return fleet().host(name);
    }

    public Path clientKeyFile() {
        return fleet().clientKeyFile();
    }

    public Path knownHostsFile() {
        return fleet().knownHostsFile();
    }

    public Path inventoryYaml() {
        return fleet().inventoryYaml();
    }
}
