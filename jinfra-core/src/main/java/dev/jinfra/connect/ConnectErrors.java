package dev.jinfra.connect;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Why a connection could not be opened, in the words the user reads: one place for the connector and jump hosts. */
final class ConnectErrors {
    private ConnectErrors() {}

    static UnreachableException interrupted() {
        Thread.currentThread().interrupt();
        return new UnreachableException(UnreachableException.Reason.INTERRUPTED, "interrupted");
    }

    static UnreachableException authFailure(SshSettings s, Throwable cause, String offered) {
        if (cause != null
                && !(cause.getMessage() != null && cause.getMessage().contains("No more authentication methods"))) {
            // The session died during key exchange or authentication for another reason than refused credentials.
            String detail = cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
            return new UnreachableException(
                    UnreachableException.Reason.NETWORK, "SSH session failed during handshake" + detail, cause);
        }
        return new UnreachableException(
                UnreachableException.Reason.AUTH_FAILED,
                "authentication failed for user " + s.user() + ": " + offered,
                cause);
    }

    /**
     * What this attempt offered the server, and how to offer something else: MINA's "No more authentication
     * methods available" leaves people guessing which keys were tried.
     */
    static String offered(SshSettings s, ConnectAttempt attempt, boolean agent) {
        List<String> what = new ArrayList<>();
        int keys = attempt.keys.size();
        if (keys > 0) {
            what.add(keys + (keys == 1 ? " key" : " keys") + " from "
                    + (s.implicitKeys()
                            ? "the default ~/.ssh/id_* files"
                            : s.keyFiles().stream()
                                    .map(Path::toString)
                                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        if (agent) {
            what.add("the keys of ssh-agent");
        }
        if (attempt.password != null) {
            what.add("a password");
        }
        String hint = "; give a key with -i FILE (ssh_key), load one into ssh-agent, or a password (ssh_password)";
        if (what.isEmpty()) {
            return "nothing to offer (no key given, none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa found, no ssh-agent)"
                    + hint;
        }
        return "the server refused " + String.join(", ", what) + hint;
    }

    static UnreachableException unreachable(SshSettings s, Throwable e) {
        return unreachable(s.address(), e);
    }

    /** A failed connection in words, from the exception's root cause. */
    static UnreachableException unreachable(String address, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return new UnreachableException(UnreachableException.Reason.REFUSED, "connection refused", e);
        }
        if (root instanceof UnknownHostException || root instanceof java.nio.channels.UnresolvedAddressException) {
            // The name given, in words: "UnresolvedAddressException" is the JDK's name for it, not the user's.
            return new UnreachableException(
                    UnreachableException.Reason.UNKNOWN_HOST, "cannot resolve host name '" + address + "'", e);
        }
        if (root instanceof SocketTimeoutException) {
            return new UnreachableException(UnreachableException.Reason.TIMEOUT, "connect timed out", e);
        }
        if (root instanceof NoRouteToHostException) {
            return new UnreachableException(UnreachableException.Reason.NETWORK, "no route to host", e);
        }
        String msg = dev.jinfra.problem.Problems.inWords(root);
        return new UnreachableException(UnreachableException.Reason.NETWORK, "cannot connect: " + msg, e);
    }
}
