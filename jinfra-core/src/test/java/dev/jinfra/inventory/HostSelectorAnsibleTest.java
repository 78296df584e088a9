package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ansible's ~regex and group subscripts in --limit. */
class HostSelectorAnsibleTest {
    @TempDir
    static Path dir;

    static Inventory inventory() throws Exception {
        Files.writeString(dir.resolve("hosts.ini"), """
                web0
                node0
                node1
                [web]
                app-a
                app-b
                app-c
                [db]
                db-1:2222
                """);
        return InventoryLoader.load("hosts.ini", dir);
    }

    static String select(String pattern) throws Exception {
        return String.join(
                " ",
                HostSelector.select(inventory(), List.of(pattern), dir).stream()
                        .map(Host::name)
                        .toList());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                // The group's first host, not the host named web0.
                "web[0]     ; app-a",
                "web[-1]    ; app-c",
                "web[0:1]   ; app-a app-b",
                "web[1:]    ; app-b app-c",
                "web[1:99]  ; app-b app-c",
                "web[0:1]:!web[1] ; app-a",
                // No group named 'node', so this stays a range over names.
                "node[0:1]  ; node0 node1",
                "~app-[ab]  ; app-a app-b",
                "~web       ; web0 app-a app-b app-c",
                "~(?:db-|node1)$ ; node1",
                "~(?:db|node1) ; node1 db-1",
                "!~app      ; web0 node0 node1 db-1",
            })
    void selects(String pattern, String selected) throws Exception {
        assertThat(select(pattern)).isEqualTo(selected);
    }

    @Test
    void anIndexPastTheEndIsAnError() {
        assertThatThrownBy(() -> select("web[3]"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("'web[3]': group 'web' has 3 hosts, so there is no index 3");
    }

    @Test
    void aBadRegularExpressionIsAnErrorNamingIt() {
        assertThatThrownBy(() -> select("~web("))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("bad regular expression in '~web('");
    }

    @Test
    void aRegexMatchingNothingIsAnError() {
        assertThatThrownBy(() -> select("~nothing"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("no host or group matches '~nothing'");
    }
}
