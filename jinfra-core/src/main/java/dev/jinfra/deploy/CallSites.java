package dev.jinfra.deploy;

import dev.jinfra.api.Operation;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where deploy code called an operation: the stack frames of user code (deploy files, a library user's
 * classes) between the prepare phase's entry and the operation call, outermost first. jinfra's own frames and
 * the JDK's are left out, so the identity does not change when jinfra's internals do.
 */
public final class CallSites {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource JINFRA =
            Operation.class.getProtectionDomain().getCodeSource();
    private static final Map<Class<?>, Boolean> USER_CODE = new ConcurrentHashMap<>();

    private CallSites() {}

    static List<String> current() {
        List<String> inner = WALKER.walk(frames -> frames.takeWhile(f -> !(f.getDeclaringClass() == PrepareContext.class
                        && f.getMethodName().equals("prepare")))
                .filter(f -> isUserCode(f.getDeclaringClass()))
                .map(f -> (f.getFileName() != null ? f.getFileName() : f.getClassName()) + ":" + f.getLineNumber())
                .toList());
        List<String> outerFirst = new ArrayList<>(inner);
        java.util.Collections.reverse(outerFirst);
        return outerFirst;
    }

    /** {@code file:line} of the innermost user-code frame of an exception, or null when it has none. */
    public static String firstUserFrame(Throwable e) {
        return firstUserFrame(e.getStackTrace());
    }

    /** As {@link #firstUserFrame(Throwable)}, for a stack taken from a running thread. */
    public static String firstUserFrame(StackTraceElement[] stack) {
        for (StackTraceElement el : stack) {
            if (el.getFileName() == null
                    || el.getClassName().startsWith("java.")
                    || el.getClassName().startsWith("jdk.")
                    || el.getClassName().startsWith("sun.")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(el.getClassName(), false, CallSites.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notOurs) {
                // Not visible from jinfra: a class of a deploy file's own loader.
                return el.getFileName() + ":" + el.getLineNumber();
            }
            if (isUserCode(type)) {
                return el.getFileName() + ":" + el.getLineNumber();
            }
        }
        return null;
    }

    private static boolean isUserCode(Class<?> type) {
        return USER_CODE.computeIfAbsent(type, t -> {
            String n = t.getName();
            if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
                return false;
            }
            CodeSource source = t.getProtectionDomain() == null
                    ? null
                    : t.getProtectionDomain().getCodeSource();
            // Classes compiled from deploy files have no code source; jinfra's share jinfra-core's.
            return source == null || JINFRA == null || !Objects.equals(source.getLocation(), JINFRA.getLocation());
        });
    }
}
