package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationOrderTest {

    record Echo(String text) implements Operation {
        @Override
        public String describe() {
            return text;
        }

        @Override
        public Plan plan(FactSource facts) {
            return Plan.run(Command.of("echo", text));
        }
    }

    static OperationCall op(String text) {
        return PrepareContext.register(new Echo(text));
    }

    static Host host(String name, String... groups) {
        return new Host(name, List.of(groups), Map.of());
    }

    /** Prepares every host and merges, returning the descriptions in the merged order. */
    static List<String> order(Deploy deploy, Host... hosts) {
        Map<String, List<OperationId>> sequences = new LinkedHashMap<>();
        Map<OperationId, String> names = new LinkedHashMap<>();
        for (Host h : hosts) {
            var registered = PrepareContext.prepare(h, List.of(deploy), FactSource.NONE);
            sequences.put(
                    h.name(),
                    registered.stream().map(PrepareContext.Registered::id).toList());
            registered.forEach(r -> names.put(r.id(), r.call().displayName()));
        }
        return OperationOrder.merge(sequences).stream().map(names::get).toList();
    }

    @Test
    void operationsOnlySomeHostsHaveKeepTheirPlaceInTheDeploy() {
        Deploy deploy = h -> {
            op("update");
            if (h.inGroup("web")) {
                op("install nginx");
            }
            if (h.inGroup("db")) {
                op("install postgres");
            }
            op("restart monitoring");
        };
        assertThat(order(deploy, host("db-1", "db"), host("web-1", "web")))
                .containsExactly("update", "install nginx", "install postgres", "restart monitoring");
    }

    @Test
    void aLoopGivesOneOperationPerRound() {
        Deploy deploy = h -> {
            for (String user : List.of("alice", "bob", "carol")) {
                op("user " + user);
            }
        };
        var registered = PrepareContext.prepare(host("a"), List.of(deploy), FactSource.NONE);
        assertThat(registered).extracting(r -> r.id().occurrence()).containsExactly(0, 1, 2);
        assertThat(registered.stream().map(r -> r.id().callSites()).distinct()).hasSize(1);
        assertThat(order(deploy, host("a"), host("b"))).containsExactly("user alice", "user bob", "user carol");
    }

    @Test
    void onePieceCalledFromTwoPlacesGivesTwoOperations() {
        Deploy deploy = h -> {
            piece("first");
            op("between");
            piece("second");
        };
        var registered = PrepareContext.prepare(host("a"), List.of(deploy), FactSource.NONE);
        assertThat(registered).hasSize(3);
        assertThat(registered.get(0).id()).isNotEqualTo(registered.get(2).id());
        // deploy lambda > piece > op helper: every user frame counts, so each call of the piece is its own site.
        assertThat(registered.get(0).id().callSites()).hasSize(3);
        assertThat(registered.get(0).id().where())
                .isEqualTo(registered.get(2).id().where());
    }

    static void piece(String label) {
        op("piece " + label);
    }

    @Test
    void hostsThatOrderTwoOperationsDifferentlyAreAClearConflict() {
        Deploy deploy = h -> {
            if (h.inGroup("web")) {
                op("a");
                op("b");
            } else {
                op("b-first");
                op("a-second");
            }
        };
        // Different call sites: no conflict, both orders merge.
        assertThat(order(deploy, host("w", "web"), host("d"))).hasSize(4);

        Deploy swapped = h -> {
            for (String s : h.inGroup("web") ? List.of("x", "y") : List.of("y", "x")) {
                if (s.equals("x")) {
                    op("x");
                } else {
                    op("y");
                }
            }
        };
        assertThatThrownBy(() -> order(swapped, host("w", "web"), host("d")))
                .isInstanceOf(OperationOrder.ConflictException.class)
                .hasMessageContaining("w runs OperationOrderTest.java:")
                .hasMessageContaining("but d runs");
    }

    @Test
    void registeringOutsideADeployIsRefused() {
        assertThatThrownBy(() -> op("stray"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prepare phase");
    }
}
