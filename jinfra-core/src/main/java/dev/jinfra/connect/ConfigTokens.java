package dev.jinfra.connect;

import java.util.Map;

/** OpenSSH's {@code %} tokens and leading {@code ~} in ssh config paths such as IdentityFile. */
final class ConfigTokens {
    private ConfigTokens() {}

    /**
     * Expands {@code ~}, {@code ~/}, {@code %%} and the tokens in {@code values}.
     *
     * @param where {@code file:line keyword} for the error message
     * @throws IllegalArgumentException for a token jinfra does not know: OpenSSH refuses those too, and a path
     *     with a literal {@code %x} left in would name a key that cannot exist
     */
    static String expand(String value, Map<Character, String> values, String where) {
        String text = value.equals("~") || value.startsWith("~/")
                ? System.getProperty("user.home") + value.substring(1)
                : value;
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char token = i + 1 < text.length() ? text.charAt(++i) : ' ';
            String replacement = token == '%' ? "%" : values.get(token);
            if (replacement == null) {
                throw new IllegalArgumentException(where + ": unsupported token '%" + (token == ' ' ? "" : token)
                        + "' in '" + value + "' (jinfra knows %d %h %n %p %r %u %%)");
            }
            out.append(replacement);
        }
        return out.toString();
    }

    /** The tokens of a connection to {@code hostName} as {@code user} on {@code port}; {@code given} is %n. */
    static Map<Character, String> forHost(String given, String hostName, String user, int port) {
        return Map.of(
                'd',
                System.getProperty("user.home"),
                'u',
                System.getProperty("user.name"),
                'h',
                hostName,
                'n',
                given,
                'r',
                user,
                'p',
                Integer.toString(port));
    }
}
