package dev.jinfra.deploy;

import static dev.jinfra.deploy.Operations.server;
import static dev.jinfra.deploy.Operations.settings;
import static dev.jinfra.deploy.Operations.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.command.Secret;
import dev.jinfra.connect.LocalConnector;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.inventory.Host;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings come from the operation, else its deploy piece, else host data, else the command line. */
class SettingsPrecedenceTest {

    static Map<String, String> commandsByOperation(Host host, Settings commandLine, Deploy deploy) {
        var local = new LocalConnector();
        var options = DeployRunner.Options.builder()
                .parallel(10)
                .dryRun(true)
                .commandLine(commandLine)
                .build();
        DeployResult r =
                new DeployRunner(h -> local).run(List.of(host), List.of(deploy), options, new DeployListener() {});
        var out = new java.util.LinkedHashMap<String, String>();
        r.outcomes().forEach(o -> out.put(o.name(), String.join("\n", o.commands())));
        return out;
    }

    @Test
    void eachLevelDecidesWhatTheLevelsAboveLeaveUnsaid() {
        Host host = new Host(Host.LOCAL, List.of(), Map.of("env", Map.of("LEVEL", "host"), "chdir", "/hostdir"));
        Settings commandLine = Settings.NONE
                .env("LEVEL", "cli")
                .env("ONLY_CLI", "yes")
                .chdir("/cli")
                .sudo();
        Deploy deploy = h -> {
            with(settings().env("LEVEL", "piece").chdir("/piece"), () -> {
                server.shell("a").name("operation").env("LEVEL", "op");
                server.shell("b").name("piece");
            });
            server.shell("c").name("host data");
            server.shell("d").name("own sudo user").sudo("app");
        };
        Map<String, String> commands = commandsByOperation(host, commandLine, deploy);

        assertThat(commands.get("operation"))
                .isEqualTo("sudo -H -n -u root -- sh -c 'export LEVEL=op; export ONLY_CLI=yes; cd /piece && a'");
        assertThat(commands.get("piece"))
                .isEqualTo("sudo -H -n -u root -- sh -c 'export LEVEL=piece; export ONLY_CLI=yes; cd /piece && b'");
        assertThat(commands.get("host data"))
                .isEqualTo("sudo -H -n -u root -- sh -c 'export LEVEL=host; export ONLY_CLI=yes; cd /hostdir && c'");
        assertThat(commands.get("own sudo user")).startsWith("sudo -H -n -u app -- ");
    }

    @Test
    void hostDataCanTurnSudoOffForItsHost() {
        Host host = new Host(Host.LOCAL, List.of(), Map.of("sudo", "false"));
        Map<String, String> commands = commandsByOperation(
                host, Settings.NONE.sudo(), h -> server.shell("id").name("id"));
        assertThat(commands.get("id")).isEqualTo("id");
    }

    @Test
    void suDoasAndShellFollowTheSameLevels() {
        Host host = new Host(Host.LOCAL, List.of(), Map.of("su_user", "app", "shell", "bash"));
        Deploy deploy = h -> {
            server.shell("a").name("host data");
            server.shell("b").name("doas").doas("backup");
        };
        Map<String, String> commands = commandsByOperation(host, Settings.NONE, deploy);
        assertThat(commands.get("host data")).isEqualTo("su -s /bin/bash -c a app");
        assertThat(commands.get("doas")).isEqualTo("doas -n -u backup bash -c b");
    }

    @Test
    void piecesNestAndTheInnerOneWins() {
        Host host = new Host(Host.LOCAL, List.of(), Map.of());
        Deploy deploy = h -> with(
                settings().env("A", "outer").env("B", "outer"),
                () -> with(settings().env("A", "inner"), () -> server.shell("x").name("x")));
        assertThat(commandsByOperation(host, Settings.NONE, deploy).get("x"))
                .isEqualTo("sh -c 'export A=inner; export B=outer; x'");
    }

    @Test
    void secretsDoNotShowInTheOptionsText() {
        var options = DeployRunner.Options.builder()
                .parallel(1)
                .sudoPassword(new Secret("hunter2"))
                .build();
        assertThat(options.toString()).doesNotContain("hunter2").contains("****");
    }
}
