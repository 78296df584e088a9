package dev.jinfra.connect;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.digest.Digest;
import org.apache.sshd.common.kex.AbstractDH;
import org.apache.sshd.common.kex.BuiltinKEM;
import org.apache.sshd.common.kex.DHFactory;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.kex.MontgomeryCurve;
import org.apache.sshd.common.kex.XDH;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

/**
 * The client side of {@code sntrup761x25519-sha512}, with the sntrup761 key pair shared by the sessions a run
 * opens within a short window instead of generated for each one.
 *
 * <p>Why: generating an sntrup761 key pair is by far the most expensive step of this key exchange (measured:
 * most of the client's CPU for a fleet, tens of ms per host in Java), while the exchange stays just as
 * strong when the key pair is shared: sntrup761 is a KEM secure against chosen-ciphertext attacks (IND-CCA2),
 * which is exactly the property that allows one key pair to receive many encapsulations; each session still
 * gets its own secret (the server encapsulates fresh randomness) and its own fresh X25519 key. What sharing
 * changes is the forward-secrecy window: a key pair lives at most {@link #MAX_AGE_NANOS} and
 * {@link #MAX_USES} sessions, in the memory of the process that already holds those sessions' keys, and is
 * never written anywhere.
 */
final class Sntrup761KeyReuse implements KeyEncapsulationMethod {
    static final long MAX_AGE_NANOS = 60L * 1_000_000_000L;
    static final int MAX_USES = 1_000;

    private record KeyPair(byte[] publicKey, SNTRUPrimePrivateKeyParameters privateKey, long createdNanos) {}

    private final SecureRandom random = new SecureRandom();
    private KeyPair current;
    private int uses;
    private int generated;

    /** The hybrid key exchange factories (under both of OpenSSH's names) using this shared key pair. */
    static List<KeyExchangeFactory> factories() {
        Sntrup761KeyReuse kem = new Sntrup761KeyReuse();
        List<KeyExchangeFactory> out = new ArrayList<>();
        for (String name : List.of("sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com")) {
            out.add(ClientBuilder.DH2KEX.apply(new Factory(name, kem)));
        }
        return out;
    }

    synchronized KeyPair take() {
        long now = System.nanoTime();
        if (current == null || uses >= MAX_USES || now - current.createdNanos() > MAX_AGE_NANOS) {
            var generator = new SNTRUPrimeKeyPairGenerator();
            generator.init(new SNTRUPrimeKeyGenerationParameters(random, SNTRUPrimeParameters.sntrup761));
            var pair = generator.generateKeyPair();
            current = new KeyPair(
                    ((SNTRUPrimePublicKeyParameters) pair.getPublic()).getEncoded(),
                    (SNTRUPrimePrivateKeyParameters) pair.getPrivate(),
                    now);
            uses = 0;
            generated++;
        }
        uses++;
        return current;
    }

    /** How many key pairs were made so far (for tests). */
    synchronized int generated() {
        return generated;
    }

    @Override
    public Client getClient() {
        return new Client() {
            private KeyPair pair;
            private SNTRUPrimeKEMExtractor extractor;

            @Override
            public void init() {
                pair = take();
                extractor = new SNTRUPrimeKEMExtractor(pair.privateKey());
            }

            @Override
            public byte[] getPublicKey() {
                return pair.publicKey().clone();
            }

            @Override
            public byte[] extractSecret(byte[] encapsulated) {
                if (encapsulated.length != extractor.getEncapsulationLength()) {
                    throw new IllegalArgumentException(
                            "sntrup761 encapsulation has wrong length: " + encapsulated.length);
                }
                return extractor.extractSecret(encapsulated);
            }

            @Override
            public int getEncapsulationLength() {
                return extractor.getEncapsulationLength();
            }
        };
    }

    @Override
    public Server getServer() {
        return BuiltinKEM.sntrup761.getServer();
    }

    private record Factory(String name, Sntrup761KeyReuse kem) implements DHFactory {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isGroupExchange() {
            return false;
        }

        @Override
        public boolean isSupported() {
            return BuiltinKEM.sntrup761.isSupported() && MontgomeryCurve.x25519.isSupported();
        }

        @Override
        public AbstractDH create(Object... params) throws Exception {
            return new XDH(MontgomeryCurve.x25519, true) {
                @Override
                public KeyEncapsulationMethod getKeyEncapsulation() {
                    return kem;
                }

                @Override
                public Digest getHash() throws Exception {
                    return BuiltinDigests.sha512.create();
                }
            };
        }
    }
}
