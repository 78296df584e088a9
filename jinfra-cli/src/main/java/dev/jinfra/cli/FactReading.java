package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;

/**
 * What reading a fact gave on one host. The value is kept as JSON from the start: that is how it is shown,
 * and JSON equality is what decides which hosts fold together.
 *
 * @param value the fact's value ({@link NullNode} when absent); null unless {@code state} is {@link State#READ}
 * @param error why the host has no value; null when it was read
 */
record FactReading(String host, State state, JsonNode value, String error) {
    enum State {
        READ,
        UNREACHABLE,
        /** Reached, but the fact could not be read: the connection was lost, it timed out, or its output made no sense. */
        FAILED,
        /** The run stopped before this host (failure budget, Ctrl-C). */
        NOT_STARTED;

        boolean isProblem() {
            return this != READ;
        }

        /** As shown to people: {@code not started}. */
        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** As written in JSON: {@code not_started}. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static FactReading read(String host, JsonNode value) {
        return new FactReading(host, State.READ, value == null ? NullNode.getInstance() : value, null);
    }

    static FactReading unreachable(String host, String why) {
        return new FactReading(host, State.UNREACHABLE, null, why);
    }

    static FactReading notStarted(String host, String why) {
        return new FactReading(host, State.NOT_STARTED, null, why);
    }

    static FactReading failed(String host, String why) {
        return new FactReading(host, State.FAILED, null, why);
    }
}
