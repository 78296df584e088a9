package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostSelectorTest {
    private static final Inventory INVENTORY = TestInventories.load("jinfra.yaml");

    private static String limit(String... patterns) {
        Inventory limited = INVENTORY.limit(List.of(patterns), TestInventories.dir());
        return HostPattern.fold(limited.hosts().stream().map(Host::name).toList());
    }

    @ParameterizedTest(name = "--limit {0} selects {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web_servers                        | web-[01-04].example.com
            db-1.example.com                   | db-1.example.com
            'db_servers,bastion.example.com'   | bastion.example.com, db-[1-2].example.com
            db_servers:bastion.example.com     | bastion.example.com, db-[1-2].example.com
            web-*                              | web-[01-04].example.com
            db-?.example.com                   | db-[1-2].example.com
            *_servers                          | db-[1-2].example.com, web-[01-04].example.com
            web-[02-03].example.com            | web-[02-03].example.com
            web-[02:03].example.com            | web-[02-03].example.com
            'production,!web-0[1-3]*'          | db-[1-2].example.com, web-04.example.com
            'production,!db_servers'           | web-[01-04].example.com
            'production,&db_servers'           | db-[1-2].example.com
            '!production'                      | bastion.example.com
            all                                | bastion.example.com, db-[1-2].example.com, web-[01-04].example.com
            @limit.txt                         | bastion.example.com, db-2.example.com
            '@limit.txt,!db_servers'           | bastion.example.com
            """)
    void selectsHosts(String pattern, String selected) {
        assertThat(limit(pattern)).isEqualTo(selected);
    }

    @Test
    void combinesSeveralPatternsAsOneList() {
        assertThat(limit("web_servers", "!web-01.example.com", "&production")).isEqualTo("web-[02-04].example.com");
    }

    @Test
    void keepsInventoryOrder() {
        Inventory limited = INVENTORY.limit(
                List.of("db-2.example.com,bastion.example.com,web-03.example.com"), TestInventories.dir());
        assertThat(limited.hosts())
                .extracting(Host::name)
                .containsExactly("bastion.example.com", "web-03.example.com", "db-2.example.com");
    }

    @Test
    void keepsGroupsButOnlyWithTheSelectedHosts() {
        Inventory limited = INVENTORY.limit(List.of("db-1.example.com"), TestInventories.dir());
        assertThat(limited.groups().get("db_servers")).containsExactly("db-1.example.com");
        assertThat(limited.groups().get("web_servers")).isEmpty();
    }

    @ParameterizedTest(name = "--limit {0} selects {1} of IPv6 and port targets")
    @CsvSource(delimiter = '|', textBlock = """
            '::1,::2'                              | ::1, ::2
            'all,!::2'                             | ::1, fe80::1, 127.0.0.1:2201, 127.0.0.1:2202
            'fe80::*'                              | fe80::1
            '127.0.0.1:2202'                       | 127.0.0.1:2202
            '127.0.0.1:2201,!127.0.0.1:2202'       | 127.0.0.1:2201
            """)
    void keepsIpv6AddressesAndNamesWithPortsWhole(String pattern, String selected) {
        Inventory targets =
                InventoryLoader.load("::1,::2,fe80::1,127.0.0.1:2201,127.0.0.1:2202", TestInventories.dir());
        List<String> names = targets.limit(List.of(pattern), TestInventories.dir()).hosts().stream()
                .map(Host::name)
                .toList();
        assertThat(String.join(", ", names)).isEqualTo(selected);
    }

    @ParameterizedTest(name = "--limit {0} fails: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            xyz                          | --limit: no host or group matches 'xyz'
            'web_servers,!wbe_servers'   | --limit: no host or group matches '!wbe_servers'
            'web_servers,&nope'          | --limit: no host or group matches '&nope'
            'web_servers,&db_servers'    | --limit: no hosts left after 'web_servers,&db_servers'
            @missing.txt                 | --limit: no such file 'missing.txt'
            @limit-stale.txt             | --limit: no host or group in 'limit-stale.txt' is in the inventory
            web-[05-01]                  | --limit: host range 'web-[05-01]' has start 05 after end 01
            """)
    void rejectsItemsThatMatchNothing(String pattern, String message) {
        assertThatThrownBy(() -> limit(pattern))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }
}
