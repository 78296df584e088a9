package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostTest {
    @Test
    void hostsAreEqualOnlyWhenNameGroupsAndDataAre() {
        Host web = new Host("web-01", List.of("web"), Map.of("ssh_port", 22));
        assertThat(web).isEqualTo(new Host("web-01", List.of("web"), Map.of("ssh_port", 22)));
        assertThat(web).isNotEqualTo(new Host("web-02", List.of("web"), Map.of("ssh_port", 22)));
        assertThat(web).isNotEqualTo(new Host("web-01", List.of("db"), Map.of("ssh_port", 22)));
        assertThat(web).isNotEqualTo(new Host("web-01", List.of("web"), Map.of("ssh_port", 2222)));
    }

    @Test
    void aHostsHashComesFromItsNameSoThatItIsCheapAsAKey() {
        Host web = new Host("web-01", List.of("web"), Map.of("ssh_port", 22, "role", "frontend"));
        assertThat(web.hashCode()).isEqualTo("web-01".hashCode());
        assertThat(new Host("web-01", List.of(), Map.of()).hashCode()).isEqualTo(web.hashCode());
    }
}
