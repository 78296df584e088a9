package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.SshFleetExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password logins ({@code ssh_password}), with no key files offered so the password alone decides. */
class PasswordAuthTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2).configure(b -> b.password("secret"));

    static SshConnector connector;

    @BeforeAll
    static void startConnector() {
        connector = SshConnector.builder().build();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    Host host(int i, String password) {
        var fleet = fleetExtension.fleet();
        return FleetHosts.host(
                fleet, fleet.hostNames().get(i), Map.of(HostKeys.SSH_KEY, List.of(), HostKeys.SSH_PASSWORD, password));
    }

    @Test
    void theRightPasswordLogsIn() throws Exception {
        try (Connection c = connector.connect(host(0, "secret"))) {
            assertThat(c.run(CommandRequest.of("echo in"), OutputListener.NONE).stdout())
                    .isEqualTo("in\n");
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureForThatUser() {
        assertThatThrownBy(() -> connector.connect(host(1, "not-the-secret")))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.AUTH_FAILED))
                .hasMessageStartingWith("authentication failed for user "
                        + fleetExtension.fleet().user())
                .hasMessageNotContaining("not-the-secret");
    }
}
