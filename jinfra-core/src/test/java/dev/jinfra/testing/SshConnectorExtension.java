package dev.jinfra.testing;

import dev.jinfra.connect.SshConnector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link SshConnector} for a test class, made before its first test and closed after its last:
 * {@code @RegisterExtension static SshConnectorExtension ssh = new SshConnectorExtension();}.
 */
public final class SshConnectorExtension implements BeforeAllCallback, AfterAllCallback {
    private SshConnector connector;

    @Override
    public void beforeAll(ExtensionContext context) {
        connector = SshConnector.builder().build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }

    public SshConnector connector() {
        return connector;
    }
}
