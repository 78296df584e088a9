package dev.jinfra.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SshFleetTest {

    @RegisterExtension
    static SshFleetExtension fleet = SshFleetExtension.hosts(5).configure(b -> b.password("secret"));

    static TestClient client;

    @BeforeAll
    static void connectClient() {
        client = new TestClient(fleet.fleet());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void hostsAreNamedAndNumbered() {
        assertThat(fleet.hosts())
                .extracting(FleetHost::name)
                .containsExactly("web-001", "web-002", "web-003", "web-004", "web-005");
        assertThat(fleet.hosts()).extracting(FleetHost::port).doesNotHaveDuplicates();
        assertThat(fleet.host("web-003").address()).isEqualTo("127.0.0.1");
        assertThat(fleet.host("web-003").hostKeyFingerprint()).startsWith("SHA256:");
    }

    @Test
    void commandSeesItsHostNameAndHome() throws IOException {
        FleetHost host = fleet.host("web-002");

        TestClient.Result result = client.run(host, "echo \"$FLEET_HOST\"; echo \"$HOME\"; pwd");

        String home = host.home().toString();
        assertThat(result.stdout()).isEqualTo("web-002\n" + home + "\n" + home + "\n");
        assertThat(result.exitStatus()).isZero();
        assertThat(host.commands()).containsExactly("echo \"$FLEET_HOST\"; echo \"$HOME\"; pwd");
    }

    @Test
    void exitCodeAndStderrComeBack() throws IOException {
        TestClient.Result result = client.run(fleet.host("web-001"), "echo out; echo oops >&2; exit 3");

        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.exitStatus()).isEqualTo(3);
    }

    @Test
    void stdinReachesTheCommand() throws IOException {
        try (ClientSession session = client.login(fleet.host("web-001"))) {
            TestClient.Result result = TestClient.run(session, "tr a-z A-Z", "hello fleet\n");

            assertThat(result.stdout()).isEqualTo("HELLO FLEET\n");
            assertThat(result.exitStatus()).isZero();
        }
    }

    @Test
    void utf8SurvivesCommandsAndOutput() throws IOException {
        TestClient.Result result = client.run(fleet.host("web-001"), "printf '%s|' 'grüße' \"$FLEET_HOST\"");

        assertThat(result.stdout()).isEqualTo("grüße|web-001|");
    }

    @Test
    void oneSessionServesSeveralCommands() throws IOException {
        FleetHost host = fleet.host("web-004");
        try (ClientSession session = client.login(host)) {
            for (String command : new String[] {"true", "uname", "echo done"}) {
                assertThat(TestClient.run(session, command, "").exitStatus()).isZero();
            }
        }

        assertThat(host.sessionsOpened()).isEqualTo(1);
        assertThat(host.commands()).containsExactly("true", "uname", "echo done");
        assertThat(fleet.host("web-005").sessionsOpened()).isZero();
    }

    @Test
    void passwordIsAcceptedWhenConfigured() throws IOException {
        try (ClientSession session = client.connect(fleet.host("web-002"))) {
            session.addPasswordIdentity("secret");
            session.auth().verify(TestClient.TIMEOUT);

            assertThat(TestClient.run(session, "echo ok", "").stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void wrongPasswordIsRejected() throws IOException {
        try (ClientSession session = client.connect(fleet.host("web-002"))) {
            session.addPasswordIdentity("guess");

            assertThatThrownBy(() -> session.auth().verify(TestClient.TIMEOUT)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void filesDescribeTheFleet() throws IOException {
        SshFleet running = fleet.fleet();
        String key = Files.readString(running.clientKeyFile());
        String knownHosts = Files.readString(running.knownHostsFile());
        String inventory = Files.readString(running.inventoryYaml());
        FleetHost first = running.hosts().getFirst();

        assertThat(key).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(running.clientKeyFile()))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(knownHosts.lines())
                .hasSize(5)
                .allMatch(line -> line.startsWith("[127.0.0.1]:"))
                .contains("[127.0.0.1]:" + first.port() + " " + FleetKeys.publicKeyLine(running.hostKey()));
        assertThat(inventory)
                .contains("  ssh_user: root\n")
                .contains("  ssh_key: " + running.clientKeyFile() + "\n")
                .contains("  ssh_known_hosts_file: " + running.knownHostsFile() + "\n")
                .contains("  web-001: { ssh_hostname: 127.0.0.1, ssh_port: " + first.port() + " }\n");
    }

    @Test
    void sftpWritesIntoTheHostsHome() throws IOException {
        FleetHost host = fleet.host("web-003");
        try (ClientSession session = client.login(host);
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write("motd.txt")) {
                out.write("served by sftp\n".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(TestClient.run(session, "cat ~/motd.txt", "").stdout()).isEqualTo("served by sftp\n");
        }
    }
}
