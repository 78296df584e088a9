package dev.jinfra.problem;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A problem in words for people, never an exception's class name. Many of the JDK's exceptions carry no
 * message ({@code ConnectException}, {@code EOFException}) or only a path ({@code NoSuchFileException}), and
 * libraries often prefix a cause's class name to their own text.
 */
public final class Problems {
    // "java.net.ConnectException: Connection refused" and the like, as a library passes on a cause.
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

    private Problems() {}

    /** What went wrong, in words. */
    public static String inWords(Throwable e) {
        if (e instanceof FileSystemException f) {
            return fileProblem(f);
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && String.valueOf(cause).equals(e.getMessage())) {
            // Wrapped without a word of its own (new UncheckedIOException(cause)): the cause says it all.
            return inWords(cause);
        }
        String message = e.getMessage() == null
                ? null
                : CLASS_PREFIX.matcher(e.getMessage()).replaceFirst("");
        if (message != null && !message.isBlank()) {
            return message;
        }
        return switch (e) {
            case UnresolvedAddressException u -> "cannot resolve the host name";
            case UnknownHostException u -> "cannot resolve the host name";
            case ConnectException c -> "connection refused";
            case NoRouteToHostException n -> "no route to host";
            case SocketTimeoutException s -> "timed out";
            case InterruptedByTimeoutException i -> "timed out";
            case EOFException eof -> "the connection closed";
            case ClosedChannelException c -> "the connection closed";
            case InterruptedException i -> "interrupted";
            case StackOverflowError s -> "endless recursion (the stack overflowed)";
            case OutOfMemoryError o -> "out of memory";
            default -> e.getCause() != null && e.getCause() != e ? inWords(e.getCause()) : words(e.getClass());
        };
    }

    private static String fileProblem(FileSystemException f) {
        // The JDK's file exceptions give the path as their message; the reason, when the system gave one, is
        // in words already.
        String what = f.getReason() != null
                ? f.getReason()
                : switch (f) {
                    case NoSuchFileException n -> "no such file or directory";
                    case AccessDeniedException a -> "permission denied";
                    case FileAlreadyExistsException a -> "already exists";
                    case DirectoryNotEmptyException d -> "directory not empty";
                    case NotDirectoryException d -> "not a directory";
                    default -> words(f.getClass());
                };
        return f.getFile() == null ? what : f.getFile() + ": " + what;
    }

    /** {@code NullPointerException} as "null pointer", {@code ArithmeticException} as "arithmetic", ... */
    public static String words(Class<?> type) {
        String stem = type.getSimpleName().replaceAll("(Exception|Error)$", "");
        return stem.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
