package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value of a host's data knows the file line it was written on, for messages about bad values. */
class DataLinesTest {
    @TempDir
    Path dir;

    @Test
    void jinfraYamlKeysKeepTheirLinesThroughGroupsAndPrecedence() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                data:
                  ssh_user: deploy
                groups:
                  db:
                    data:
                      ssh_port: 2200
                    hosts:
                      db-1:
                        env: prod
                        ssh_port: abc
                      db-2:
                """);
        Inventory inventory = InventoryLoader.load("inventory.yaml", dir);

        assertThat(inventory.line("db-1", "ssh_port")).isEqualTo(10);
        assertThat(inventory.line("db-2", "ssh_port")).isEqualTo(6);
        assertThat(inventory.line("db-2", "ssh_user")).isEqualTo(2);
        assertThat(inventory.line("db-2", "nothing")).isZero();
        // A value from the command line is not in the file.
        assertThat(inventory.withData(Map.of("ssh_port", "22")).line("db-1", "ssh_port"))
                .isZero();
        assertThat(inventory.limit(java.util.List.of("db-1"), dir).line("db-1", "env"))
                .isEqualTo(9);
    }

    @Test
    void ansibleVariablesKeepTheirLinesUnderJinfrasNames() throws Exception {
        Files.writeString(dir.resolve("hosts.ini"), """
                [web]
                web1 ansible_port=abc

                [web:vars]
                ansible_user=deploy
                """);
        Inventory inventory = InventoryLoader.load("hosts.ini", dir);

        assertThat(inventory.line("web1", "ssh_port")).isEqualTo(2);
        assertThat(inventory.line("web1", "ssh_user")).isEqualTo(5);
    }

    @Test
    void targetsHaveNoLines() {
        assertThat(InventoryLoader.load("root@web-1:2222", dir).line("web-1", "ssh_port"))
                .isZero();
    }
}
