package dev.jinfra.connect;

import java.io.IOException;
import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * MINA's client session, which can keep back the next packet one thread writes instead of sending it:
 * {@link SignedFirstPublicKeyAuth} lets MINA build its key question this way and sends a signed request in its
 * place.
 */
final class HopSession extends ClientSessionImpl {
    // Only the thread that asked has its packet kept; any other thread's packets go out as always.
    private volatile Thread holding;
    private Buffer held;

    HopSession(ClientFactoryManager client, IoSession ioSession) throws Exception {
        super(client, ioSession);
    }

    /** Makes the client's sessions of this class. */
    static SessionFactory factory(ClientFactoryManager client) {
        return new SessionFactory(client) {
            @Override
            protected ClientSessionImpl doCreateSession(IoSession ioSession) throws Exception {
                return new HopSession(getClient(), ioSession);
            }
        };
    }

    /** Keeps back the next packet this thread writes, until {@link #takeHeld()}. */
    void holdNextPacket() {
        held = null;
        holding = Thread.currentThread();
    }

    /** The packet kept back since {@link #holdNextPacket()}, or null; later packets are sent again. */
    Buffer takeHeld() {
        holding = null;
        Buffer b = held;
        held = null;
        return b;
    }

    @Override
    public IoWriteFuture writePacket(Buffer buffer) throws IOException {
        if (holding == Thread.currentThread()) {
            holding = null;
            held = buffer;
            // The one caller (MINA's key question) does not look at the write's future.
            return null;
        }
        return super.writePacket(buffer);
    }
}
