package dev.jinfra.connect;

import java.util.List;
import org.apache.sshd.client.auth.AbstractUserAuthFactory;
import org.apache.sshd.client.auth.UserAuthFactory;
import org.apache.sshd.client.auth.pubkey.KeyPairIdentity;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Public key authentication that sends a key file's signature in its first request. MINA, like OpenSSH, first asks
 * whether the server would take a key (a request without signature, answered by PK_OK) and signs only then: one
 * round trip of a connection's seven, and a second authorized_keys lookup on the server. RFC 4252 (section 7) lets a
 * client sign at once; a server that does not take the key answers FAILURE as it would to the question, and the
 * next key or signature algorithm is tried the same way.
 *
 * <p>Only keys held in memory (key files) are signed at once. A key in an agent keeps the question first: signing
 * may ask its owner to confirm or touch a token, which should happen only for a key the server takes.
 *
 * <p>MINA chooses the key and the signature algorithm in {@link #sendAuthDataRequest} and signs in
 * {@link #processAuthDataRequest} when PK_OK arrives. Both are reused as they are: the {@link HopSession} keeps the
 * question back, and for a key file MINA's own signing step is then given the acceptance the server would have
 * sent, so what goes out is the signed request alone.
 */
final class SignedFirstPublicKeyAuth extends UserAuthPublicKey {

    /** The client's publickey method; like MINA's own, it takes its signature algorithms from the session. */
    static UserAuthFactory factory() {
        return new AbstractUserAuthFactory(UserAuthPublicKeyFactory.NAME) {
            @Override
            public SignedFirstPublicKeyAuth createUserAuth(ClientSession session) {
                return new SignedFirstPublicKeyAuth();
            }
        };
    }

    /** {@code publickey} replaced by this method in a client's list of methods, the order kept. */
    static List<UserAuthFactory> replacingPublicKey(List<UserAuthFactory> methods) {
        return methods.stream()
                .map(m -> UserAuthPublicKeyFactory.NAME.equals(m.getName()) ? factory() : m)
                .toList();
    }

    @Override
    protected boolean sendAuthDataRequest(ClientSession session, String service) throws Exception {
        if (!(session instanceof HopSession hop)) {
            return super.sendAuthDataRequest(session, service);
        }
        hop.holdNextPacket();
        boolean sent;
        Buffer question;
        try {
            sent = super.sendAuthDataRequest(session, service);
        } finally {
            question = hop.takeHeld();
        }
        if (!sent || question == null) {
            return sent;
        }
        if (!(current instanceof KeyPairIdentity)) {
            session.writePacket(question);
            return true;
        }
        Buffer accepted = new ByteArrayBuffer();
        accepted.putByte(SshConstants.SSH_MSG_USERAUTH_PK_OK);
        accepted.putString(chosenAlgorithm);
        accepted.putPublicKey(current.getKeyIdentity().getPublic());
        try {
            return processAuthDataRequest(session, service, accepted);
        } catch (Exception e) {
            // The key could not sign (nothing went out): ask as MINA would, and a key the server does not take
            // is passed over without signing, as before.
            session.writePacket(question);
            return true;
        }
    }
}
