package dev.jinfra.template;

/** PyYAML's {@code analyze_scalar}: which styles can write a string so that it reads back unchanged. */
record YamlScalarAnalysis(boolean empty, boolean flowPlain, boolean blockPlain, boolean singleQuoted) {
    static YamlScalarAnalysis of(String s) {
        if (s.isEmpty()) {
            return new YamlScalarAnalysis(true, false, true, true);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        if (s.startsWith("---") || s.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = s.length() == 1 || isWhitespace(s.charAt(1));
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '?' || ch == ':') {
                    flowIndicators = true;
                    blockIndicators |= followedByWhitespace;
                }
                if (ch == '-' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            } else {
                if (",?[]{}".indexOf(ch) >= 0) {
                    flowIndicators = true;
                }
                if (ch == ':') {
                    flowIndicators = true;
                    blockIndicators |= followedByWhitespace;
                }
                if (ch == '#' && precededByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
            boolean isBreak = ch == '\n' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029';
            lineBreaks |= isBreak;
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7e))) {
                // allow_unicode: printable characters outside ASCII are written as they are.
                boolean printable = ch == '\u0085'
                        || (ch >= '\u00a0' && ch <= '\ud7ff')
                        || (ch >= '\ue000' && ch <= '\ufffd' && ch != '\ufeff')
                        || Character.isSurrogate(ch);
                special |= !printable;
            }
            if (ch == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= i == s.length() - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak) {
                leadingBreak |= i == 0;
                trailingBreak |= i == s.length() - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isWhitespace(ch);
            followedByWhitespace = i + 2 >= s.length() || isWhitespace(s.charAt(i + 2));
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean single = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = blockPlain = false;
        }
        if (breakSpace) {
            flowPlain = blockPlain = single = false;
        }
        if (spaceBreak || special) {
            flowPlain = blockPlain = single = false;
        }
        if (lineBreaks) {
            flowPlain = blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new YamlScalarAnalysis(false, flowPlain, blockPlain, single);
    }

    private static boolean isWhitespace(char c) {
        return c == '\0'
                || c == ' '
                || c == '\t'
                || c == '\r'
                || c == '\n'
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029';
    }
}
