package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactJsonTest {
    record Mount(String path, boolean readOnly) {
        /** A convenience method, not part of the value. */
        public boolean isRoot() {
            return path.equals("/");
        }
    }

    @Test
    void recordsAreTheirComponentsAndNothingElse() {
        assertThat(FactJson.compact(FactJson.toTree(new Mount("/", true))))
                .isEqualTo("{\"path\": \"/\", \"readOnly\": true}");
    }

    @Test
    void absentIsNull() {
        assertThat(FactJson.pretty(FactJson.toTree(null))).isEqualTo("null");
    }

    @Test
    void longValuesAreBrokenOnlyWhereALineWouldBeTooLong() {
        var mounts =
                List.of(new Mount("/", false), new Mount("/srv/data/with/a/long/path", true), new Mount("/boot", true));
        String text = FactJson.pretty(FactJson.toTree(Map.of("mounts", mounts)));
        assertThat(text).isEqualTo("""
                {
                  "mounts": [
                    {"path": "/", "readOnly": false},
                    {"path": "/srv/data/with/a/long/path", "readOnly": true},
                    {"path": "/boot", "readOnly": true}
                  ]
                }""");
    }
}
