package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrecedenceTest {
    private static Inventory inventory;

    @BeforeAll
    static void load() {
        inventory = TestInventories.load("precedence.yaml");
    }

    private static Object level(String host) {
        return inventory.host(host).orElseThrow().data().get("level");
    }

    @Test
    void dataForAllHostsIsTheFallback() {
        assertThat(level("solo")).isEqualTo("all");
    }

    @Test
    void aHostsOwnDataBeatsItsGroups() {
        assertThat(level("override")).isEqualTo("host");
    }

    @Test
    void aChildGroupBeatsItsParent() {
        assertThat(level("h1")).isEqualTo("child");
        assertThat(inventory.host("h1").orElseThrow().data())
                .containsEntry("only_parent", "p")
                .containsEntry("only_all", "a");
    }

    @Test
    void aChildGroupBeatsItsParentEvenWhenTheParentComesLaterInTheFile() {
        assertThat(level("h3")).isEqualTo("kid");
    }

    @Test
    void amongUnrelatedGroupsTheLaterInTheFileWins() {
        assertThat(level("h2")).isEqualTo("late");
    }

    @Test
    void aNullValueRemovesTheKey() {
        assertThat(inventory.host("unset").orElseThrow().data()).doesNotContainKey("only_all");
    }

    @Test
    void hostGroupsIncludeAncestorsInFileOrder() {
        assertThat(inventory.host("h1").orElseThrow().groups()).containsExactly("parent", "child");
        assertThat(inventory.host("h3").orElseThrow().groups()).containsExactly("kid", "mom");
        assertThat(inventory.groups().get("mom")).containsExactly("h3");
    }

    @Test
    void commandLineDataBeatsHostData() {
        assertThat(inventory
                        .withData(java.util.Map.of("level", "cli"))
                        .host("override")
                        .orElseThrow()
                        .data())
                .containsEntry("level", "cli");
    }
}
