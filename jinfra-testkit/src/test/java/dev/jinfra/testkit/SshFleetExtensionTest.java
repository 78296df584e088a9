package dev.jinfra.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class SshFleetExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class OnAnInstanceField {

        static final List<Path> directories = new ArrayList<>();

        @RegisterExtension
        SshFleetExtension fleet =
                SshFleetExtension.of(SshFleet.builder().hosts(1).namePrefix("solo-"));

        @Test
        @Order(1)
        void eachTestGetsItsOwnFleet() {
            directories.add(fleet.fleet().directory());

            assertThat(fleet.hosts()).extracting(FleetHost::name).containsExactly("solo-001");
        }

        @Test
        @Order(2)
        void theFleetOfTheTestBeforeIsClosed() {
            assertThat(directories).hasSize(1);
            assertThat(directories.getFirst()).doesNotExist();
            assertThat(fleet.fleet().directory())
                    .isNotEqualTo(directories.getFirst())
                    .exists();
        }
    }

    @Nested
    class OnAStaticField {

        @RegisterExtension
        static SshFleetExtension fleet = SshFleetExtension.hosts(2).configure(b -> b.namePrefix("app-"));

        @Test
        void theFleetRunsAndFaultsSetHereAreClearedForTheNextTest() {
            assertThat(fleet.fleet().isRunning()).isTrue();
            assertThat(fleet.host("app-002").faults()).isEmpty();

            fleet.host("app-002").fault(Fault.REFUSE);
        }

        @Test
        void secondTestSeesNoFaults() {
            assertThat(fleet.host("app-002").faults()).isEmpty();
        }
    }
}
