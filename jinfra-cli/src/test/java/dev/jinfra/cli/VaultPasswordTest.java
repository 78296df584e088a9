package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault password on the command line: {@code --vault-password-file}, {@code --ask-vault-password} and
 * {@code JINFRA_VAULT_PASSWORD}. The encrypted value is the one made with ansible-vault for jinfra-core's tests.
 */
class VaultPasswordTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String SECRET = "s3cret-db-pass";

    @TempDir
    Path cwd;

    /** A local host whose group_vars/all.yml holds a !vault value on line 2, and a deploy writing it to a file. */
    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(cwd.resolve("inventory/group_vars"));
        Files.writeString(cwd.resolve("inventory/hosts.ini"), "here ansible_connection=local\n");
        Files.writeString(
                cwd.resolve("inventory/group_vars/all.yml"), "greeting: hello\n" + vector("string-1.1.txt") + "\n");
        Files.writeString(cwd.resolve("app.conf.j2"), "{{ greeting }} {{ db_password }}\n");
        Files.writeString(
                cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.template("%s", "%s").name("App config");
                }
                """.formatted(cwd.resolve("app.conf.j2"), cwd.resolve("app.conf")));
        Files.writeString(cwd.resolve("vault.txt"), PASSWORD + "\n");
        Files.writeString(cwd.resolve("wrong.txt"), "not it\n");
    }

    /** A vector made with ansible-vault, kept with jinfra-core's inventory tests. */
    static String vector(String name) throws Exception {
        return Files.readString(Path.of(System.getProperty("jinfra.repo.root", ".."))
                .resolve("jinfra-core/src/test/resources/inventory/vault")
                .resolve(name));
    }

    @Test
    void aPasswordFileOpensTheVaultAndTheSecretReachesTheFileButNotTheOutput() throws Exception {
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "deploy.java", "--vault-password-file", "vault.txt", "-vv");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("app.conf")).hasContent("hello " + SECRET);
        assertThat(r.out() + r.err()).doesNotContain(SECRET);

        Files.writeString(cwd.resolve("app.conf"), "hello old-pass\n");
        CliRun dry =
                CliRun.run(cwd, "inventory/hosts.ini", "deploy.java", "--vault-password-file", "vault.txt", "--dry");
        assertThat(dry.out())
                .as(dry.toString())
                .contains("content differs (diff hidden: the template's variables hold values from an ansible vault)")
                .doesNotContain(SECRET)
                .doesNotContain("old-pass");

        Files.delete(cwd.resolve("app.conf"));
        CliRun json =
                CliRun.run(cwd, "inventory/hosts.ini", "deploy.java", "--vault-password-file", "vault.txt", "--json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.out() + json.err()).doesNotContain(SECRET);
    }

    @Test
    void anAnsibleCfgVaultPasswordFileOpensTheVaultWhenNothingElseGivesAPassword() throws Exception {
        Files.writeString(cwd.resolve("ansible.cfg"), "[defaults]\nvault_password_file = vault.txt\n");
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "deploy.java");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("app.conf")).hasContent("hello " + SECRET);

        // An option still wins over it.
        CliRun wrong =
                CliRun.run(cwd, "inventory/hosts.ini", "exec", "--vault-password-file", "wrong.txt", "--", "true");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheFileAndLineWithTheUsageExitCode() {
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "exec", "--vault-password-file", "wrong.txt", "--", "true");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: inventory/group_vars/all.yml:2: wrong vault password "
                        + "(from --vault-password-file wrong.txt), or damaged ansible-vault text\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anEncryptedValueWithoutAPasswordIsOneLineSayingHowToGiveOne() {
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "exec", "--", "true");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: inventory/group_vars/all.yml:2: encrypted with ansible-vault, and no vault "
                        + "password was given (--vault-password-file FILE, --ask-vault-password or "
                        + "JINFRA_VAULT_PASSWORD)\n");
    }

    @Test
    void severalVaultIdsEachOpenTheirOwnValues() throws Exception {
        Files.writeString(cwd.resolve("multi.yml"), vector("multi-id.yml"));
        Files.writeString(cwd.resolve("dev.txt"), PASSWORD + "\n");
        Files.writeString(cwd.resolve("prod.txt"), "pa55 wörd\n");
        Files.writeString(cwd.resolve("tokens.j2"), "{{ dev_token }} {{ prod_token }}\n");
        Files.writeString(
                cwd.resolve("tokens.java"), """
                void deploy(Host host) {
                    files.template("%s", "%s");
                }
                """.formatted(cwd.resolve("tokens.j2"), cwd.resolve("tokens.conf")));
        Files.writeString(
                cwd.resolve("multi.yml"),
                Files.readString(cwd.resolve("multi.yml"))
                        .replace("    web1:\n", "    web1:\n      ansible_connection: local\n"));

        CliRun r =
                CliRun.run(cwd, "multi.yml", "tokens.java", "--vault-id", "dev@dev.txt", "--vault-id", "prod@prod.txt");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("tokens.conf")).hasContent("dev-tökén prod-secret");
        assertThat(r.out() + r.err()).doesNotContain("prod-secret").doesNotContain("dev-tökén");
    }

    @Test
    void aVaultIdWithoutAFileIsAUsageError() {
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "exec", "--vault-id", "prod@", "--", "true");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("jinfra: --vault-id takes ID@FILE, FILE or ID@prompt, not 'prod@'\n");
    }

    @Test
    void aMissingPasswordFileIsAUsageError() {
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "exec", "--vault-password-file", "nope.txt", "--", "true");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("jinfra: --vault-password-file: no such file: nope.txt\n");
    }

    @Test
    void askVaultPasswordReadsItWithoutEchoFromTheTerminal() throws Exception {
        var asked = new java.util.ArrayList<String>();
        Terminal.Prompter terminal = new Terminal.Prompter() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public String readSecret(String prompt) {
                asked.add(prompt);
                return PASSWORD;
            }

            @Override
            public String readLine(String prompt) {
                throw new AssertionError("the password must be read without echo");
            }
        };
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd,
                false,
                false,
                terminal);

        int code = Main.run(new String[] {"inventory/hosts.ini", "deploy.java", "--ask-vault-password"}, console);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(asked).containsExactly("Vault password: ");
        assertThat(cwd.resolve("app.conf")).hasContent("hello " + SECRET);
    }

    @Test
    void askVaultPasswordWithoutATerminalNamesTheOtherWays() {
        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "exec", "--ask-vault-password", "--", "true");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: --ask-vault-password needs a terminal; use --vault-password-file FILE or "
                        + "JINFRA_VAULT_PASSWORD\n");
    }

    @Test
    void thePasswordCanComeFromTheEnvironment() throws Exception {
        // The environment of this JVM cannot be changed: a jinfra process of its own gets the variable.
        var command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.jinfra.cli.Main",
                "inventory/hosts.ini",
                "deploy.java");
        var builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().put("JINFRA_VAULT_PASSWORD", PASSWORD);
        builder.redirectOutput(cwd.resolve("output.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(cwd.resolve("output.txt"));
        assertThat(process.exitValue()).as(output).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("app.conf")).hasContent("hello " + SECRET);
        assertThat(output).doesNotContain(SECRET);
    }
}
