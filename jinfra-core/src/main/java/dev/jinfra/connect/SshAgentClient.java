package dev.jinfra.connect;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client for a running ssh-agent over its Unix-domain socket ({@code SSH_AUTH_SOCK}), using the JDK's own
 * Unix socket support: MINA's built-in agent client needs a native library. Only what authentication needs:
 * listing identities and signing. Keys are never added or removed through jinfra.
 */
final class SshAgentClient implements SshAgentFactory {
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    private static final int RSA_SHA2_256 = 2;
    private static final int RSA_SHA2_512 = 4;
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;

    SshAgentClient(Path socket) {
        this.socket = socket;
    }

    /** The agent socket named by {@code SSH_AUTH_SOCK}, or null when there is none. */
    static Path socketFromEnvironment() {
        String sock = System.getenv(SshAgent.SSH_AUTHSOCKET_ENV_NAME);
        if (sock == null || sock.isBlank() || !Files.exists(Path.of(sock))) {
            return null;
        }
        return Path.of(sock);
    }

    /** Whether the agent answers and holds at least one key jinfra can use. */
    boolean holdsKeys() {
        try {
            return new Agent().getIdentities().iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) {
        return new Agent();
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("agent forwarding is not supported");
    }

    /** One request/response exchange per call, each on its own connection: agents serve many clients. */
    private byte[] exchange(byte[] request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            var out = new DataOutputStream(Channels.newOutputStream(ch));
            out.writeInt(request.length);
            out.write(request);
            out.flush();
            var in = new DataInputStream(Channels.newInputStream(ch));
            int len = in.readInt();
            if (len <= 0 || len > MAX_MESSAGE) {
                throw new IOException("ssh-agent sent a message of " + len + " bytes");
            }
            return in.readNBytes(len);
        }
    }

    private final class Agent implements SshAgent {
        private volatile boolean open = true;

        @Override
        public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() throws IOException {
            byte[] answer;
            try {
                answer = exchange(new byte[] {REQUEST_IDENTITIES});
            } catch (IOException e) {
                // SSH_AUTH_SOCK often outlives its agent. Like ssh, carry on with the other identities: MINA would
                // otherwise fail the whole authentication, key files and passwords included.
                return List.of();
            }
            Buffer reply = new ByteArrayBuffer(answer);
            if (reply.getByte() != IDENTITIES_ANSWER) {
                throw new IOException("ssh-agent refused to list identities");
            }
            int count = reply.getInt();
            List<Map.Entry<PublicKey, String>> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] blob = reply.getBytes();
                String comment = reply.getString(StandardCharsets.UTF_8);
                try {
                    keys.add(new AbstractMap.SimpleImmutableEntry<>(
                            new ByteArrayBuffer(blob).getRawPublicKey(), comment));
                } catch (RuntimeException e) {
                    // A key type MINA cannot read (e.g. a hardware-backed one): skip it, use the others.
                }
            }
            return keys;
        }

        @Override
        public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algorithm, byte[] data)
                throws IOException {
            Buffer request = new ByteArrayBuffer();
            request.putByte(SIGN_REQUEST);
            request.putPublicKey(key);
            request.putBytes(data);
            int flags = switch (algorithm == null ? "" : algorithm) {
                case KeyUtils.RSA_SHA256_KEY_TYPE_ALIAS -> RSA_SHA2_256;
                case KeyUtils.RSA_SHA512_KEY_TYPE_ALIAS -> RSA_SHA2_512;
                default -> 0;
            };
            request.putInt(flags);
            Buffer reply = new ByteArrayBuffer(exchange(request.getCompactData()));
            if (reply.getByte() != SIGN_RESPONSE) {
                throw new IOException("ssh-agent refused to sign with " + KeyUtils.getFingerPrint(key));
            }
            Buffer signature = new ByteArrayBuffer(reply.getBytes());
            String signedWith = signature.getString();
            return new AbstractMap.SimpleImmutableEntry<>(signedWith, signature.getBytes());
        }

        @Override
        public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints) {
            throw new UnsupportedOperationException("jinfra does not add keys to ssh-agent");
        }

        @Override
        public void removeIdentity(PublicKey key) {
            throw new UnsupportedOperationException("jinfra does not remove keys from ssh-agent");
        }

        @Override
        public void removeAllIdentities() {
            throw new UnsupportedOperationException("jinfra does not remove keys from ssh-agent");
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
