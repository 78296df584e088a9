package dev.jinfra.codegen;

/** Text from annotations made safe inside a generated doc comment. */
final class Javadoc {
    private Javadoc() {}

    /**
     * {@code text} as it reads, not as markup: HTML's special characters as entities, {@code @} as an entity so
     * that no line starts a tag, and no {@code *}{@code /} to end the comment early.
     */
    static String text(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    /** An {@code @Arg} text ("owning user; unchanged when not given") as a sentence of its own. */
    static String sentence(String text) {
        String t = text(text.strip());
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
