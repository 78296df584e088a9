package dev.jinfra.ops.files;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a line matches an extended regular expression (as {@code grep -E}), told here without the host for the
 * part of the syntax that Java's regular expressions read the same way: literal characters, {@code . ^ $ * + ? |},
 * groups, bounds, backslash before punctuation and bracket expressions without classes or backslashes. Anything
 * else ({@code \d}, {@code [[:digit:]]}, back-references, ...) is not told: the host is asked instead.
 */
final class SimpleEre {
    private SimpleEre() {}

    /** @return whether {@code line} has a match of {@code ere}, or null when that cannot be told here */
    static Boolean find(String ere, String line) {
        if (!withinSubset(ere)) {
            return null;
        }
        try {
            return Pattern.compile(ere).matcher(line).find();
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static boolean withinSubset(String ere) {
        boolean inBracket = false;
        for (int i = 0; i < ere.length(); i++) {
            char c = ere.charAt(i);
            if (inBracket) {
                // Inside brackets POSIX takes a backslash literally, Java as an escape; [: [= [. open classes in
                // POSIX, and && intersects in Java.
                if (c == '\\' || c == '[' || c == '&') {
                    return false;
                }
                if (c == ']') {
                    inBracket = false;
                }
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= ere.length() || Character.isLetterOrDigit(ere.charAt(i + 1))) {
                    return false; // \d, \w, \b, \1 ...: classes, anchors and back-references differ
                }
                i++;
            } else if (c == '[') {
                inBracket = true;
                // A leading ] (or ^]) is literal in POSIX; Java reads it otherwise.
                int at = i + 1 < ere.length() && ere.charAt(i + 1) == '^' ? i + 2 : i + 1;
                if (at < ere.length() && ere.charAt(at) == ']') {
                    return false;
                }
            } else if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return !inBracket;
    }
}
