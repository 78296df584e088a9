package dev.jinfra.deploy.compile;

import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * A deploy file as javac sees it: jinfra's imports spliced into the first line (or right after the package
 * statement) without a new line, so line numbers stay true, and for a compact file a {@code main} method
 * appended after the user's text, because javac requires one there and deploy files have none.
 *
 * @param original     the user's text
 * @param text         the text handed to javac
 * @param insertAt     offset in {@code original} where the imports went
 * @param javaName     the file name javac is given; it names a compact file's class, so it must be an identifier
 * @param compact      whether the file is a compact source file
 * @param addedMain    whether {@link #MAIN} was appended
 */
record PreparedSource(String original, String text, int insertAt, String javaName, boolean compact, boolean addedMain) {

    /** What every deploy file can use without importing it. */
    static final String IMPORTS =
            "import dev.jinfra.inventory.Host; import dev.jinfra.command.Secret; import dev.jinfra.api.*; "
                    + "import dev.jinfra.deploy.*; "
                    + "import dev.jinfra.ops.apt.*; import dev.jinfra.ops.cargo.*; import dev.jinfra.ops.docker.*; import dev.jinfra.ops.files.*; import dev.jinfra.ops.gem.*; import dev.jinfra.ops.git.*; import dev.jinfra.ops.iptables.*; import dev.jinfra.ops.mysql.*; import dev.jinfra.ops.npm.*; import dev.jinfra.ops.packages.*; import dev.jinfra.ops.pip.*; import dev.jinfra.ops.postgresql.*; import dev.jinfra.ops.selinux.*; import dev.jinfra.ops.server.*; import dev.jinfra.ops.service.*; import dev.jinfra.ops.ssh.*; import dev.jinfra.ops.zfs.*; "
                    + "import static dev.jinfra.deploy.Operations.*; ";

    /** On its own line after the user's text: a trailing line comment can't swallow it, and no line moves. */
    static final String MAIN = "\nvoid main() {}\n";

    /** Names that would clash with the single-type import above if they named the compact file's class. */
    private static final Set<String> TAKEN = Set.of("Host", "Secret");

    static PreparedSource of(String fileName, String original) {
        SourceShape shape = SourceShape.of(original);
        return of(fileName, original, shape.compact(), shape);
    }

    /** Prepares the file as compact or not regardless of what the scan thought: the fallback when it was wrong. */
    static PreparedSource of(String fileName, String original, boolean compact) {
        SourceShape shape = SourceShape.of(original);
        return of(fileName, original, compact, shape, compact && !shape.declaresMain());
    }

    private static PreparedSource of(String fileName, String original, boolean compact, SourceShape shape) {
        return of(fileName, original, compact, shape, compact && !shape.declaresMain());
    }

    private static PreparedSource of(
            String fileName, String original, boolean compact, SourceShape shape, boolean addMain) {
        int insertAt = shape.packageEnd() < 0 ? 0 : shape.packageEnd();
        StringBuilder text = new StringBuilder(original.length() + IMPORTS.length() + MAIN.length());
        text.append(original, 0, insertAt).append(IMPORTS).append(original, insertAt, original.length());
        if (addMain) {
            text.append(MAIN);
        }
        return new PreparedSource(original, text.toString(), insertAt, javaNameFor(fileName), compact, addMain);
    }

    /**
     * The same file without the appended {@code main}: when the user's text is cut short (an unclosed brace),
     * the appended method lands inside it and javac's complaints about it would only confuse.
     */
    PreparedSource withoutMain() {
        return addedMain ? of(javaName, original, compact, SourceShape.of(original), false) : this;
    }

    /** Whether a position in the text javac saw lies in the appended {@code main}. */
    boolean inAddedMain(long position) {
        return addedMain && position >= text.length() - MAIN.length();
    }

    /** The class name javac will give a compact file: the file name without {@code .java}. */
    String className() {
        return javaName.substring(0, javaName.length() - ".java".length());
    }

    /**
     * Maps an offset in the text javac saw back to the user's text: past the imports it shifts back by their
     * length; anything in the appended {@code main} is pinned to the end of the user's text.
     */
    int toOriginal(long position) {
        long p = position;
        if (p >= insertAt + IMPORTS.length()) {
            p -= IMPORTS.length();
        } else if (p > insertAt) {
            p = insertAt;
        }
        return (int) Math.max(0, Math.min(p, original.length()));
    }

    /**
     * A Java identifier made from the user's file name ({@code 01-base.java} becomes {@code _01_base.java}).
     * When it differs from the user's name, the compiled classes get the user's name back as their source
     * file attribute, so stack traces still point at the real file.
     */
    static String javaNameFor(String fileName) {
        String stem = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        StringBuilder id = new StringBuilder();
        stem.codePoints().forEach(cp -> id.appendCodePoint(Character.isJavaIdentifierPart(cp) ? cp : '_'));
        if (id.isEmpty() || !Character.isJavaIdentifierStart(id.codePointAt(0))) {
            id.insert(0, '_');
        }
        String name = id.toString();
        if (SourceVersion.isKeyword(name) || TAKEN.contains(name) || !SourceVersion.isIdentifier(name)) {
            name = name + "_";
        }
        return name + ".java";
    }
}
