package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.common.kex.BuiltinKEM;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.junit.jupiter.api.Test;

class Sntrup761KeyReuseTest {

    @Test
    void sessionsSharingAKeyPairStillEachGetTheirOwnSecret() {
        var kem = new Sntrup761KeyReuse();
        KeyEncapsulationMethod.Client first = kem.getClient();
        KeyEncapsulationMethod.Client second = kem.getClient();
        first.init();
        second.init();
        assertThat(first.getPublicKey()).isEqualTo(second.getPublicKey());
        assertThat(kem.generated()).isEqualTo(1);

        // The server side is MINA's own, unchanged: each session encapsulates fresh randomness.
        KeyEncapsulationMethod.Server serverOne = BuiltinKEM.sntrup761.getServer();
        KeyEncapsulationMethod.Server serverTwo = BuiltinKEM.sntrup761.getServer();
        serverOne.init(first.getPublicKey());
        serverTwo.init(second.getPublicKey());

        byte[] secretOne = first.extractSecret(serverOne.getEncapsulation());
        byte[] secretTwo = second.extractSecret(serverTwo.getEncapsulation());
        assertThat(secretOne).isEqualTo(serverOne.getSecret());
        assertThat(secretTwo).isEqualTo(serverTwo.getSecret());
        assertThat(secretOne).isNotEqualTo(secretTwo);
    }

    @Test
    void aKeyPairIsReplacedAfterItsLastAllowedUse() {
        var kem = new Sntrup761KeyReuse();
        for (int i = 0; i < Sntrup761KeyReuse.MAX_USES; i++) {
            kem.take();
        }
        assertThat(kem.generated()).isEqualTo(1);
        kem.take();
        assertThat(kem.generated()).isEqualTo(2);
    }

    @Test
    void bothOpenSshNamesAreOffered() {
        assertThat(Sntrup761KeyReuse.factories())
                .extracting(f -> f.getName())
                .containsExactly("sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com");
    }
}
