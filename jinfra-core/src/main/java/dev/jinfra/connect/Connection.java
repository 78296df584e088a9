package dev.jinfra.connect;

import dev.jinfra.inventory.Host;

/**
 * An open connection to one host, on which any number of commands run one after another or side by side.
 * Closing it releases the session (and its place in the connection policy's session budget).
 */
public interface Connection extends AutoCloseable {
    Host host();

    /**
     * Runs one command and waits for it. Never throws for the command's own failure: a non-zero exit, a
     * timeout or a lost connection are all outcomes in the result.
     */
    CommandResult run(CommandRequest request, OutputListener listener);

    /**
     * Writes {@code content} to {@code remotePath} on the host (replacing what is there), over SFTP for SSH,
     * streamed: memory does not grow with the size. Callers that need the change to be atomic write to a
     * temporary name and rename it afterwards, and remove it when the upload fails.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    void upload(dev.jinfra.api.Payload content, String remotePath);

    /**
     * Reads the file at {@code remotePath} on the host, over SFTP for SSH, as the login user.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    byte[] download(String remotePath);

    @Override
    void close();
}
