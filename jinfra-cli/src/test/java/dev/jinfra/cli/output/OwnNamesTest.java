package dev.jinfra.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.inventory.Host;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnNamesTest {
    static Host host(String name, String address, int port) {
        return new Host(name, List.of(), Map.of("ssh_hostname", address, "ssh_port", port));
    }

    final Host web1 = host("web-1", "10.0.0.1", 22);
    final Host web12 = host("web-12", "10.0.0.12", 22);

    @Test
    void messagesThatDifferOnlyByTheirHostsAddressBecomeEqual() {
        String one = OwnNames.generic("no ssh-ed25519 key for 10.0.0.1; add it", web1);
        String other = OwnNames.generic("no ssh-ed25519 key for 10.0.0.12; add it", web12);
        assertThat(one).isEqualTo(other);
        assertThat(OwnNames.shown(one, List.of(web1, web12)))
                .isEqualTo("no ssh-ed25519 key for each host's address; add it");
    }

    @Test
    void aGroupOfOneShowsItsHostsOwnMessageUnchanged() {
        for (String message : List.of(
                "no ssh-ed25519 key for 10.0.0.1; add it",
                "host web-1 has no data 'port'",
                "connection refused by 10.0.0.1.",
                "cannot read private key /keys/web-1.pem")) {
            assertThat(OwnNames.shown(OwnNames.generic(message, web1), List.of(web1)))
                    .isEqualTo(message);
        }
    }

    @Test
    void aNameOrAddressInsideALongerOneIsLeftAlone() {
        // 10.0.0.1 is the start of 10.0.0.12, web-1 of web-12: neither is web-1's own.
        assertThat(OwnNames.generic("reached 10.0.0.12 through web-12", web1))
                .isEqualTo("reached 10.0.0.12 through web-12");
    }

    @Test
    void theHostsNameBecomesTheGroupsHostRange() {
        Host web2 = host("web-2", "10.0.0.2", 22);
        String one = OwnNames.generic("host web-1 has no data 'port'", web1);
        assertThat(one).isEqualTo(OwnNames.generic("host web-2 has no data 'port'", web2));
        assertThat(OwnNames.shown(one, List.of(web1, web2))).isEqualTo("host web-[1-2] has no data 'port'");
    }

    @Test
    void anAddressWithItsPortFoldsAcrossHostsOnOtherPorts() {
        Host a = host("a1", "127.0.0.1", 40001);
        Host b = host("b1", "127.0.0.1", 40002);
        String one = OwnNames.generic("no key for [127.0.0.1]:40001; add it", a);
        assertThat(one).isEqualTo(OwnNames.generic("no key for [127.0.0.1]:40002; add it", b));
        assertThat(OwnNames.shown(one, List.of(a))).isEqualTo("no key for [127.0.0.1]:40001; add it");
        assertThat(OwnNames.shown(one, List.of(a, b))).isEqualTo("no key for each host's address; add it");
    }
}
