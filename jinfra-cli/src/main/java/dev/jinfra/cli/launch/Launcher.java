package dev.jinfra.cli.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The main class of {@code jinfra.jar}, so that {@code java -jar jinfra.jar} on a Java older than jinfra's says
 * which Java it needs in one line instead of dying with {@code UnsupportedClassVersionError}. It is compiled for
 * Java 8 on its own (see jinfra-cli/pom.xml), names no other jinfra class, and starts the real main class by
 * reflection once the version is known to do.
 *
 * <p>The launchers ({@code ./jinfra}, the archive's {@code bin/jinfra}) start {@code dev.jinfra.cli.Main} directly:
 * they choose the Java themselves.
 */
public final class Launcher {
    /** The oldest Java jinfra runs on: the release its classes are compiled for. */
    static final int NEEDED = 25;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String refusal = refusal(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (refusal != null) {
            System.err.println(refusal);
            // 2, as the checkout launcher exits when it finds no JDK 25: nothing was run.
            System.exit(2);
        }
        Method main = Class.forName("dev.jinfra.cli.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The line to print for a Java of specification version {@code version} ({@code 1.8} for Java 8, {@code 17}
     * from Java 9 on) found at {@code home}, or null when jinfra runs on it.
     */
    static String refusal(String version, String home) {
        int feature = feature(version);
        // A version that cannot be read is let through: the real main class then fails in the JVM's own words.
        if (feature < 0 || feature >= NEEDED) {
            return null;
        }
        return "jinfra: needs Java " + NEEDED + " or newer; this is Java " + version + " (" + home + ")";
    }

    /** The feature release of a specification version, or -1 when it cannot be read. */
    static int feature(String version) {
        if (version == null) {
            return -1;
        }
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        try {
            return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
