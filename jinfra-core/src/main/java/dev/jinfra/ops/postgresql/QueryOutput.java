package dev.jinfra.ops.postgresql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a fact's query prints: one JSON array built by the server ({@code json_agg}), so no name can break it. */
final class QueryOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryOutput() {}

    /** The rows of the array; an empty array for empty output. */
    static JsonNode rows(String stdout) {
        String text = stdout.strip();
        if (text.isEmpty()) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode rows = JSON.readTree(text);
            if (!rows.isArray()) {
                throw new IllegalArgumentException("psql printed no JSON array: " + first(text));
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("psql printed no JSON array: " + first(text), e);
        }
    }

    /** The JSON array of {@code object} (a json_build_object of the row) over {@code from}: never null. */
    static String jsonArray(String object, String from) {
        return "SELECT coalesce(json_agg(" + object + "), '[]') FROM " + from;
    }

    private static String first(String text) {
        return text.lines().findFirst().orElse("");
    }
}
