package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.util.List;

/** Runs commands on the machine running jinfra, through {@code /bin/sh -c}, without SSH. */
public final class LocalConnector implements Connector {

    @Override
    public Connection connect(Host host) {
        return new LocalConnection(host);
    }

    @Override
    public void close() {}

    private record LocalConnection(Host host) implements Connection {

        @Override
        public CommandResult run(CommandRequest request, OutputListener listener) {
            return LocalProcess.run(
                    List.of("/bin/sh", "-c", request.command()), request, listener, LocalProcess.Hooks.NONE);
        }

        @Override
        public void upload(dev.jinfra.api.Payload content, String remotePath) {
            // Private from the moment it exists, as over SSH: the upload may be a rendered secret in /tmp.
            var path = java.nio.file.Path.of(remotePath);
            var privateMode = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            try (var channel = java.nio.file.Files.newByteChannel(
                            path,
                            java.util.Set.of(
                                    java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.WRITE,
                                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
                            privateMode);
                    var out = java.nio.channels.Channels.newOutputStream(channel)) {
                PayloadStream.copy(content, out, remotePath);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + remotePath + ": " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] download(String remotePath) {
            try {
                return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(remotePath));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + remotePath + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {}
    }
}
