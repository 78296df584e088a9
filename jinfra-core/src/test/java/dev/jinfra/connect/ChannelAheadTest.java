package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From a connection's second command on, the next command's channel is opened while a command runs, so the
 * command after it does not wait for a channel's open (a round trip of its own). The host is far away: it confirms
 * each channel's open only after {@link #DELAY}, and each command's output comes {@link #DELAY} after it was
 * asked for. A command on a new channel takes both; one on a channel opened ahead, the second alone.
 */
class ChannelAheadTest {
    static final Duration DELAY = Duration.ofMillis(700);

    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    interface Commands {
        void on(Connection c) throws Exception;
    }

    /** Runs {@code commands} on a connection to {@code host}, which has {@code faults} meanwhile. */
    void withFaults(FleetHost host, List<Fault> faults, Commands commands) throws Exception {
        faults.forEach(host::fault);
        host.clearHistory();
        try (var connector = SshConnector.builder().build();
                Connection c = connector.connect(FleetHosts.host(fleet(), host.name()))) {
            commands.on(c);
        } finally {
            host.clearFaults();
        }
    }

    static CommandResult run(Connection c, String command) {
        CommandResult r = c.run(CommandRequest.of(command), OutputListener.NONE);
        assertThat(r.succeeded()).as(command + ": " + r.stderr()).isTrue();
        return r;
    }

    @Test
    void theThirdCommandFindsItsChannelOpen() throws Exception {
        withFaults(fleet().hosts().get(0), List.of(Fault.slowChannelOpen(DELAY), Fault.slow(DELAY)), c -> {
            CommandResult first = run(c, "echo one");
            // Time enough for a channel opened alongside the first command to be confirmed: none is.
            Thread.sleep(DELAY.toMillis() + 200);
            CommandResult second = run(c, "echo two");
            CommandResult third = run(c, "echo three");
            CommandResult fourth = run(c, "echo four");
            assertThat(first.stdout() + second.stdout() + third.stdout() + fourth.stdout())
                    .isEqualTo("one\ntwo\nthree\nfour\n");
            Duration both = DELAY.multipliedBy(2);
            assertThat(first.duration()).isGreaterThanOrEqualTo(both);
            assertThat(second.duration()).isGreaterThanOrEqualTo(both);
            assertThat(third.duration()).isBetween(DELAY, both);
            assertThat(fourth.duration()).isBetween(DELAY, both);
        });
    }

    @Test
    void aHostThatTakesOneChannelAtATimeStillRunsEveryCommand() throws Exception {
        FleetHost host = fleet().hosts().get(1);
        withFaults(host, List.of(Fault.ONE_CHANNEL), c -> {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= 4; i++) {
                out.append(run(c, "echo " + i).stdout());
            }
            assertThat(out).hasToString("1\n2\n3\n4\n");
            // The channel opened ahead during the second command, and none after it.
            assertThat(host.channelsRefused()).isEqualTo(1);
        });
    }

    @Test
    void aChannelOpenedAheadThatTheHostClosedIsNotUsed() throws Exception {
        withFaults(fleet().hosts().get(2), List.of(Fault.CLOSE_UNUSED_CHANNEL), c -> {
            run(c, "echo 1");
            run(c, "echo 2");
            // The channel opened ahead during the second command is closed by the host meanwhile.
            Thread.sleep(600);
            assertThat(run(c, "echo 3").stdout()).isEqualTo("3\n");
            assertThat(run(c, "echo 4").stdout()).isEqualTo("4\n");
        });
    }
}
