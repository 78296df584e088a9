package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.command.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values encrypted with {@code ansible-vault}: the vectors under inventory/vault were made with the real
 * ansible-vault (see MADE-WITH.txt there), as {@code !vault} values and as whole files, format 1.1 and 1.2.
 */
class AnsibleVaultTest {
    static final Path VECTORS = TestInventories.dir().resolve("vault");
    static final VaultPassword PASSWORD = password("correct horse battery staple");
    static final VaultPassword PROD_PASSWORD = password("pa55 wörd");

    @TempDir
    Path dir;

    static VaultPassword password(String text) {
        return new VaultPassword(new Secret(text), "--vault-password-file password.txt");
    }

    @Test
    void valuesOfSeveralVaultIdsOpenEachWithItsOwnPassword() {
        Inventory inventory = InventoryLoader.load(
                "multi-id.yml",
                VECTORS,
                new AnsibleContext(
                        List.of(),
                        List.of(
                                new VaultPassword(new Secret("pa55 wörd"), "--vault-id prod@prod-password.txt", "prod"),
                                new VaultPassword(
                                        new Secret("correct horse battery staple"),
                                        "--vault-id dev@password.txt",
                                        "dev"))));

        Host web1 = inventory.host("web1").orElseThrow();
        assertThat(web1.data().get("dev_token")).isInstanceOf(Secret.class);
        assertThat(web1.data("dev_token")).isEqualTo("dev-tökén");
        assertThat(web1.data("prod_token")).isEqualTo("prod-secret");
    }

    @Test
    void aPasswordGivenForAnotherVaultIdIsTriedTooAsAnsibleTriesIt() {
        Inventory inventory = InventoryLoader.load(
                "multi-id.yml",
                VECTORS,
                new AnsibleContext(
                        List.of(),
                        List.of(
                                new VaultPassword(
                                        new Secret("correct horse battery staple"), "--vault-id x@a.txt", "x"),
                                new VaultPassword(new Secret("pa55 wörd"), "--vault-id y@b.txt", "y"))));

        assertThat(inventory.host("web1").orElseThrow().data("prod_token")).isEqualTo("prod-secret");
    }

    @Test
    void aValueNoPasswordOpensNamesEveryPasswordTriedAndTheTextsVaultId() {
        assertThatThrownBy(() -> InventoryLoader.load(
                        "multi-id.yml",
                        VECTORS,
                        new AnsibleContext(
                                List.of(),
                                List.of(
                                        new VaultPassword(
                                                new Secret("correct horse battery staple"),
                                                "--vault-id dev@password.txt",
                                                "dev"),
                                        new VaultPassword(new Secret("nope"), "--vault-id test@t.txt", "test")))))
                .isInstanceOf(InventoryException.class)
                .hasMessage(
                        "multi-id.yml:11: wrong vault passwords (from --vault-id dev@password.txt, --vault-id test@t.txt;"
                                + " the text is for vault id 'prod'), or damaged ansible-vault text");
    }

    @Test
    void aVaultValueInAYamlInventoryIsASecretHoldingTheDecryptedText() throws Exception {
        Inventory inventory = yamlInventoryWith("string-1.1.txt", PASSWORD);

        Host host = inventory.host("db1").orElseThrow();
        assertThat(host.data().get("db_password")).isInstanceOf(Secret.class);
        assertThat(host.string("db_password", null)).isEqualTo("s3cret-db-pass");
        assertThat(host.revealedData()).containsEntry("db_password", "s3cret-db-pass");
    }

    @Test
    void aVaultIdValueOfFormatOnePointTwoOpensWithThePasswordGiven() throws Exception {
        Inventory inventory = yamlInventoryWith("string-1.2.txt", PROD_PASSWORD);

        assertThat(inventory.host("db1").orElseThrow().string("api_token", null))
                .isEqualTo("prod-api-tökén");
    }

    @Test
    void printingAHostShowsTheMaskInsteadOfADecryptedValue() throws Exception {
        Inventory inventory = yamlInventoryWith("string-1.1.txt", PASSWORD);

        String shown = inventory.host("db1").orElseThrow().toString();
        assertThat(shown).doesNotContain("s3cret-db-pass").contains("db_password=****");
    }

    @Test
    void wholeEncryptedVarsFilesOfBothFormatsAreRead() throws Exception {
        for (var vector :
                List.of(new Object[] {"file-1.1.yml", PASSWORD}, new Object[] {"file-1.2.yml", PROD_PASSWORD})) {
            Path project = Files.createDirectories(dir.resolve(vector[0].toString()));
            Files.createDirectories(project.resolve("group_vars"));
            Files.copy(VECTORS.resolve(vector[0].toString()), project.resolve("group_vars/db.yml"));
            Files.writeString(project.resolve("hosts.ini"), "[db]\ndb1\n");

            Host host = InventoryLoader.load(
                            "hosts.ini", project, new AnsibleContext(List.of(), (VaultPassword) vector[1]))
                    .host("db1")
                    .orElseThrow();

            // Text from an encrypted file is secret; numbers stay numbers.
            assertThat(host.data().get("db_password")).isInstanceOf(Secret.class);
            assertThat(host.data().get("workers")).isEqualTo(6);
            assertThat(host.revealedData())
                    .containsEntry("db_password", "file-secret")
                    .containsEntry("motd", "line one\nline two\n");
            assertThat(host.toString()).doesNotContain("file-secret").doesNotContain("line one");
        }
    }

    @Test
    void anEncryptedIniInventoryIsReadWithItsTextValuesAsSecrets() throws Exception {
        Files.copy(VECTORS.resolve("inventory-1.1.ini"), dir.resolve("hosts.ini"));

        Host host = InventoryLoader.load("hosts.ini", dir, new AnsibleContext(List.of(), PASSWORD))
                .host("db1")
                .orElseThrow();

        assertThat(host.inGroup("db")).isTrue();
        assertThat(host.data().get("db_password")).isInstanceOf(Secret.class);
        assertThat(host.string("db_password", null)).isEqualTo("ini-secret");
        assertThat(host.value(HostKeys.SSH_PORT)).hasValue(2222);
        assertThat(host.string(HostKeys.SSH_USER, null)).isEqualTo("deploy");
        assertThat(host.toString()).doesNotContain("ini-secret").doesNotContain("deploy");
    }

    @Test
    void anEncryptedBecomePasswordStaysASecretAsTheSudoPassword() throws Exception {
        String value =
                Files.readString(VECTORS.resolve("string-1.1.txt")).replace("db_password:", "ansible_become_password:");
        Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  hosts:
                    db1:
                      ansible_become: true
                      %s
                """.formatted(value.replace("\n", "\n          ")));
        Inventory inventory = InventoryLoader.load("hosts.yml", dir, new AnsibleContext(List.of(), PASSWORD));

        Host host = inventory.host("db1").orElseThrow();
        assertThat(host.data().get("sudo_password")).isInstanceOf(Secret.class);
        assertThat(host.string("sudo_password", null)).isEqualTo("s3cret-db-pass");
    }

    @Test
    void aWrongPasswordIsOneErrorNamingTheFileAndLineOfTheValue() throws Exception {
        assertThatThrownBy(() -> yamlInventoryWith("string-1.1.txt", password("not it")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("hosts.yml:4: wrong vault password (from --vault-password-file password.txt), "
                        + "or damaged ansible-vault text");
    }

    @Test
    void anEncryptedValueWithoutAPasswordSaysHowToGiveOne() throws Exception {
        assertThatThrownBy(() -> yamlInventoryWith("string-1.1.txt", VaultPassword.NONE))
                .isInstanceOf(InventoryException.class)
                .hasMessage("hosts.yml:4: encrypted with ansible-vault, and no vault password was given "
                        + "(--vault-password-file FILE, --ask-vault-password or JINFRA_VAULT_PASSWORD)");
    }

    @Test
    void aWrongPasswordForAWholeFileNamesThatFile() throws Exception {
        Files.createDirectories(dir.resolve("host_vars"));
        Files.copy(VECTORS.resolve("file-1.2.yml"), dir.resolve("host_vars/db1"));
        Files.writeString(dir.resolve("hosts.ini"), "db1\n");

        assertThatThrownBy(() -> InventoryLoader.load("hosts.ini", dir, new AnsibleContext(List.of(), PASSWORD)))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("host_vars/db1: wrong vault password");
    }

    @Test
    void damagedVaultTextIsAnErrorAtItsLine() throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  hosts:
                    db1:
                      db_password: !vault |
                        $ANSIBLE_VAULT;1.1;AES256
                        zz-not-hex
                """);

        assertThatThrownBy(() -> InventoryLoader.load("hosts.yml", dir, new AnsibleContext(List.of(), PASSWORD)))
                .isInstanceOf(InventoryException.class)
                .hasMessage("hosts.yml:4: damaged ansible-vault text: not the hex it should be");
    }

    @Test
    void aVaultTagOnAMappingIsAnErrorAtItsLine() throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  hosts:
                    db1:
                      db_password: !vault {a: 1}
                """);

        assertThatThrownBy(() -> InventoryLoader.load("hosts.yml", dir, new AnsibleContext(List.of(), PASSWORD)))
                .isInstanceOf(InventoryException.class)
                .hasMessage("hosts.yml:4: !vault must tag the text ansible-vault encrypt_string wrote");
    }

    /** A YAML inventory whose host db1 has the {@code !vault} value of {@code vector} (line 4). */
    private Inventory yamlInventoryWith(String vector, VaultPassword password) throws Exception {
        String value = Files.readString(VECTORS.resolve(vector));
        Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  hosts:
                    db1:
                      %s
                """.formatted(value.replace("\n", "\n      ")));
        return InventoryLoader.load("hosts.yml", dir, new AnsibleContext(List.of(), password));
    }
}
