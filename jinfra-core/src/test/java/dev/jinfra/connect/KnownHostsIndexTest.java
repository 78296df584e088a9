package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier.HostEntryPair;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.Test;

/** The index must pick exactly the lines a scan of every line with MINA's own matching picks, in file order. */
class KnownHostsIndexTest {
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJXmtGO7j9Z13jOl9Fu0bbxC1L0KYcH/dVyXiIp67yWS";

    private static final List<String> LINES = List.of(
            "web-01 " + KEY,
            "web-02,10.0.0.2 " + KEY,
            "[web-03]:2222 " + KEY,
            "Web-04 " + KEY,
            "db-* " + KEY,
            "app-?? " + KEY,
            "*.example.com,!bad.example.com " + KEY,
            "@revoked web-01 " + KEY,
            "@cert-authority *.corp " + KEY,
            hashed("secret-01") + " " + KEY,
            hashed("[secret-03]:2200") + " " + KEY,
            hashed("secret-01") + " ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7",
            "web-02 ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7",
            "[10.0.0.9]:2200,web-09 " + KEY,
            "[web-05]:22 " + KEY,
            "[Web-06]:2201 " + KEY);

    private static final List<SshdSocketAddress> HOSTS = List.of(
            new SshdSocketAddress("web-01", 22),
            new SshdSocketAddress("web-02", 22),
            new SshdSocketAddress("10.0.0.2", 22),
            new SshdSocketAddress("web-03", 22),
            new SshdSocketAddress("web-03", 2222),
            new SshdSocketAddress("web-04", 22),
            new SshdSocketAddress("WEB-01", 22),
            new SshdSocketAddress("db-7", 22),
            new SshdSocketAddress("app-12", 22),
            new SshdSocketAddress("app-123", 22),
            new SshdSocketAddress("x.example.com", 22),
            new SshdSocketAddress("bad.example.com", 22),
            new SshdSocketAddress("a.corp", 22),
            new SshdSocketAddress("secret-01", 22),
            new SshdSocketAddress("secret-02", 22),
            new SshdSocketAddress("10.0.0.9", 2200),
            new SshdSocketAddress("secret-03", 2200),
            new SshdSocketAddress("secret-03", 22),
            new SshdSocketAddress("secret-01", 2222),
            new SshdSocketAddress("web-09", 22),
            new SshdSocketAddress("web-05", 22),
            new SshdSocketAddress("web-05", 2201),
            new SshdSocketAddress("web-06", 2201),
            new SshdSocketAddress("web-06", 22),
            new SshdSocketAddress("web-09", 2200),
            new SshdSocketAddress("nowhere", 22));

    @Test
    void picksTheSameLinesAsMatchingEveryLine() {
        List<HostEntryPair> pairs = pairs();
        KnownHostsIndex index = new KnownHostsIndex(pairs);
        int matchedSomething = 0;
        for (SshdSocketAddress host : HOSTS) {
            List<HostEntryPair> expected = scan(pairs, List.of(host));
            assertThat(index.matching(List.of(host))).as(host.toString()).containsExactlyElementsOf(expected);
            matchedSomething += expected.isEmpty() ? 0 : 1;
        }
        // The fixture must exercise matches, not only misses.
        assertThat(matchedSomething).isGreaterThanOrEqualTo(13);
    }

    @Test
    void severalIdentitiesGiveEachLineOnceInFileOrder() {
        List<HostEntryPair> pairs = pairs();
        KnownHostsIndex index = new KnownHostsIndex(pairs);
        var ids = List.of(new SshdSocketAddress("10.0.0.2", 22), new SshdSocketAddress("web-02", 22));
        List<HostEntryPair> found = index.matching(ids);
        assertThat(found).containsExactlyElementsOf(scan(pairs, ids));
        assertThat(found)
                .extracting(p -> p.getHostEntry().getConfigLine())
                .containsExactly(LINES.get(1), LINES.get(12));
    }

    @Test
    void aHashedLineIsFoundByItsOwnTestAndOnlyForItsHost() {
        List<HostEntryPair> pairs = pairs();
        KnownHostsIndex index = new KnownHostsIndex(pairs);
        assertThat(index.matching(List.of(new SshdSocketAddress("secret-01", 22))))
                .extracting(p -> p.getHostEntry().getConfigLine())
                .containsExactly(LINES.get(9), LINES.get(11));
        assertThat(index.matching(List.of(new SshdSocketAddress("secret-03", 2200))))
                .hasSize(1);
        assertThat(index.matching(List.of(new SshdSocketAddress("secret-03", 22))))
                .isEmpty();
        assertThat(HashedHostName.of(pairs.get(9).getHostEntry())).isNotNull();
        assertThat(HashedHostName.of(pairs.get(0).getHostEntry())).isNull();
    }

    @Test
    void knowsWhichLoadedLinesItWasBuiltFrom() {
        List<HostEntryPair> pairs = pairs();
        KnownHostsIndex index = new KnownHostsIndex(pairs);
        assertThat(index.isFor(pairs)).isTrue();
        assertThat(index.isFor(new ArrayList<>(pairs))).isFalse();
    }

    private static List<HostEntryPair> pairs() {
        PublicKey key;
        try {
            // Which key a line holds does not matter to the index; the pair just needs one.
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<HostEntryPair> out = new ArrayList<>();
        for (String line : LINES) {
            out.add(new HostEntryPair(KnownHostEntry.parseKnownHostEntry(line), key));
        }
        return out;
    }

    /** MINA's way: every line, every identity. */
    private static List<HostEntryPair> scan(List<HostEntryPair> pairs, List<SshdSocketAddress> ids) {
        List<HostEntryPair> out = new ArrayList<>();
        for (HostEntryPair p : pairs) {
            for (SshdSocketAddress id : ids) {
                if (p.getHostEntry().isHostMatch(id.getHostName(), id.getPort())) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    private static String hashed(String host) {
        try {
            byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
