package dev.jinfra.deploy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a deploy file looks like at its top level, found by a light scan that skips comments, strings,
 * text blocks and character literals, so a word like {@code class} inside them never counts.
 *
 * <p>javac has to be told before it runs: a compact source file needs a {@code main} method (which deploy
 * files don't have, so jinfra adds one), and imports have to go after a package statement.
 *
 * @param packageEnd    offset just past the package statement's semicolon, or -1 when there is none
 * @param compact       true when the top level declares methods or fields (a compact source file)
 * @param declaresMain  true when some top-level declaration is a method named {@code main}
 */
record SourceShape(int packageEnd, boolean compact, boolean declaresMain) {

    private static final Set<String> MODIFIERS = Set.of(
            "public",
            "protected",
            "private",
            "static",
            "final",
            "abstract",
            "sealed",
            "strictfp",
            "transient",
            "volatile",
            "synchronized",
            "native",
            "default");
    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");

    /** One token: an identifier/number word or a single punctuation character, with its offset. */
    private record Token(String text, int offset) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    static SourceShape of(String source) {
        List<Token> tokens = tokenize(source);
        int packageEnd = -1;
        boolean compact = false;
        boolean declaresMain = false;
        boolean first = true;
        int i = 0;
        while (i < tokens.size()) {
            int end = endOfDeclaration(tokens, i);
            List<Token> head = headOf(tokens, i, end);
            if (!head.isEmpty()) {
                String kind = classify(head);
                if (kind.equals("package") && first) {
                    packageEnd = end < tokens.size() ? tokens.get(end).offset() + 1 : source.length();
                } else if (kind.equals("member")) {
                    compact = true;
                    declaresMain |= namesMain(head);
                }
                first = false;
            }
            i = end + 1;
        }
        return new SourceShape(packageEnd, compact, declaresMain);
    }

    /**
     * Index of the token closing the declaration that starts at {@code start}: a {@code ;} outside any
     * brackets, or the {@code }} of its body. A field initializer ({@code = {1, 2};} or a lambda) keeps
     * going to its semicolon.
     */
    private static int endOfDeclaration(List<Token> tokens, int start) {
        int braces = 0;
        int parens = 0;
        boolean initializer = false;
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.text()) {
                case "(", "[" -> parens++;
                case ")", "]" -> parens = Math.max(0, parens - 1);
                case "{" -> braces++;
                case "}" -> {
                    braces = Math.max(0, braces - 1);
                    if (braces == 0 && parens == 0 && !initializer) {
                        return i;
                    }
                }
                case "=" -> initializer |= braces == 0 && parens == 0;
                case ";" -> {
                    if (braces == 0 && parens == 0) {
                        return i;
                    }
                }
                default -> {}
            }
        }
        return tokens.size();
    }

    /** The tokens of a declaration before its body, initializer or semicolon. */
    private static List<Token> headOf(List<Token> tokens, int start, int end) {
        List<Token> head = new ArrayList<>();
        int parens = 0;
        for (int i = start; i < Math.min(end, tokens.size()); i++) {
            Token t = tokens.get(i);
            if (parens == 0 && (t.is("{") || t.is("=") || t.is(";"))) {
                break;
            }
            if (t.is("(")) {
                parens++;
            } else if (t.is(")")) {
                parens--;
            }
            head.add(t);
        }
        return head;
    }

    /** "package", "import", "type" (class, interface, enum, record, annotation type) or "member". */
    private static String classify(List<Token> head) {
        int i = 0;
        while (i < head.size()) {
            Token t = head.get(i);
            if (t.is("package") || t.is("import")) {
                return t.text();
            }
            if (t.is("@")) {
                if (i + 1 < head.size() && head.get(i + 1).is("interface")) {
                    return "type";
                }
                i = skipAnnotation(head, i + 1);
                continue;
            }
            if (MODIFIERS.contains(t.text())) {
                i++;
                continue;
            }
            if (t.is("non")
                    && i + 2 < head.size()
                    && head.get(i + 1).is("-")
                    && head.get(i + 2).is("sealed")) {
                i += 3;
                continue;
            }
            return TYPE_KEYWORDS.contains(t.text()) ? "type" : "member";
        }
        return "empty";
    }

    /** Skips an annotation's (qualified) name and its parenthesized arguments; returns the next index. */
    private static int skipAnnotation(List<Token> head, int i) {
        while (i < head.size() && (isWord(head.get(i)) || head.get(i).is("."))) {
            i++;
        }
        if (i < head.size() && head.get(i).is("(")) {
            int depth = 0;
            for (; i < head.size(); i++) {
                if (head.get(i).is("(")) {
                    depth++;
                } else if (head.get(i).is(")") && --depth == 0) {
                    return i + 1;
                }
            }
        }
        return i;
    }

    private static boolean namesMain(List<Token> head) {
        for (int i = 0; i + 1 < head.size(); i++) {
            if (head.get(i).is("main") && head.get(i + 1).is("(")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWord(Token t) {
        return Character.isJavaIdentifierPart(t.text().charAt(0));
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                i = lineEnd(s, i);
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                i = skipQuoted(s, i + 3, "\"\"\"", false);
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(s, i + 1, String.valueOf(c), true);
            } else if (Character.isJavaIdentifierPart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(s.substring(start, i), start));
            } else {
                tokens.add(new Token(String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    /** Index just past the closing quote; a backslash escapes the next character; strings stop at line end. */
    private static int skipQuoted(String s, int i, String close, boolean singleLine) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (s.startsWith(close, i)) {
                return i + close.length();
            } else if (singleLine && (c == '\n' || c == '\r')) {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int lineEnd(String s, int i) {
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
