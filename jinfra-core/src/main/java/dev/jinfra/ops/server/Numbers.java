package dev.jinfra.ops.server;

/** Numbers read from a command's output; anything else reads as null rather than failing the fact. */
final class Numbers {
    private Numbers() {}

    static Long longOrNull(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer intOrNull(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double doubleOrNull(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
