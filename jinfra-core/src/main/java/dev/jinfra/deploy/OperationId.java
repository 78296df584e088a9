package dev.jinfra.deploy;

import java.util.List;

/**
 * Which operation this is, the same on every host: where it was called in the deploy code (the chain of call
 * sites from the deploy method down to the operation call, so one helper called from two places gives two
 * operations) and how many times that chain was reached before on this host (loops).
 */
public record OperationId(List<String> callSites, int occurrence) {
    public OperationId {
        callSites = List.copyOf(callSites);
    }

    /** The innermost call site, e.g. {@code deploy.java:12}. */
    public String where() {
        return callSites.isEmpty() ? "?" : callSites.getLast();
    }

    @Override
    public String toString() {
        return String.join(" > ", callSites) + (occurrence > 0 ? " #" + (occurrence + 1) : "");
    }
}
