package dev.jinfra.connect;

/** A host could not be reached: no connection, no agreement on keys, or no accepted credentials. */
public class UnreachableException extends Exception {

    public enum Reason {
        REFUSED(true),
        TIMEOUT(true),
        UNKNOWN_HOST(false),
        NETWORK(true),
        HOST_KEY_UNKNOWN(false),
        HOST_KEY_CHANGED(false),
        HOST_KEY_REVOKED(false),
        AUTH_FAILED(false),
        KEY_UNREADABLE(false),
        /** The container is not there or not running, or the directory to chroot into is missing. */
        NO_TARGET(false),
        INTERRUPTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether another attempt may succeed; refusing a host key or a password will not change by retrying. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public UnreachableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreachableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
