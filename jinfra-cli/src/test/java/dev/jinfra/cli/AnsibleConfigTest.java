package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.HostKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

class AnsibleConfigTest {
    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    Path project() throws Exception {
        return Files.createDirectories(dir.resolve("project"));
    }

    Path home() throws Exception {
        return Files.createDirectories(dir.resolve("home"));
    }

    AnsibleConfig find(Map<String, String> env) throws Exception {
        return AnsibleConfig.find(project(), env, home(), warnings::add);
    }

    static String parallelDefault(AnsibleConfig c) throws Exception {
        return c.options()
                .defaultValue(
                        OptionSpec.builder("--parallel").type(Integer.class).build());
    }

    @Test
    void theFileNamedByAnsibleConfigWinsThenTheWorkingDirectorysThenTheHomeOne() throws Exception {
        Files.writeString(home().resolve(".ansible.cfg"), "[defaults]\nforks = 3\n");
        assertThat(parallelDefault(find(Map.of()))).isEqualTo("3");
        Files.writeString(project().resolve("ansible.cfg"), "[defaults]\nforks = 7\n");
        assertThat(parallelDefault(find(Map.of()))).isEqualTo("7");
        Path named = Files.writeString(dir.resolve("other.cfg"), "[defaults]\nforks: 11\n");
        assertThat(parallelDefault(find(Map.of(AnsibleConfig.ENV, named.toString()))))
                .isEqualTo("11");
        // Only the first file found counts: nothing is merged from the others.
        assertThat(find(Map.of(AnsibleConfig.ENV, named.toString())).hostDefaults())
                .isEmpty();
    }

    @Test
    void withoutAFileNothingChanges() throws Exception {
        AnsibleConfig none = find(Map.of());
        assertThat(none.file()).isEmpty();
        assertThat(none.hostDefaults()).isEmpty();
        assertThat(none.inventory()).isEmpty();
        assertThat(parallelDefault(none)).isNull();
    }

    @Test
    void aWorldWritableWorkingDirectorysFileIsIgnoredWithAWarningAsAnsibleDoes() throws Exception {
        Files.writeString(project().resolve("ansible.cfg"), "[defaults]\nforks = 7\n");
        Files.setPosixFilePermissions(project(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(parallelDefault(find(Map.of()))).isNull();
        assertThat(warnings).singleElement().asString().contains("world-writable");
    }

    @Test
    void hostSettingsBecomeHostDataWithPathsFromTheFilesDirectory() throws Exception {
        Files.writeString(project().resolve("ansible.cfg"), """
                # a typical project
                [defaults]
                inventory = inventories/lab.ini
                remote_user = deploy   ; who logs in
                private_key_file = keys/id_ed25519
                host_key_checking = False
                timeout = 20
                vault_password_file = ~/.vault_pass
                """);
        AnsibleConfig c = find(Map.of());
        assertThat(c.hostDefaults())
                .containsEntry(HostKeys.SSH_USER, "deploy")
                .containsEntry(
                        HostKeys.SSH_KEY, project().resolve("keys/id_ed25519").toString())
                .containsEntry(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "no")
                .containsEntry(HostKeys.SSH_CONNECT_TIMEOUT, 20);
        assertThat(c.inventory())
                .contains(project().resolve("inventories/lab.ini").toString());
        assertThat(c.vaultPasswordFile()).contains(Path.of(System.getProperty("user.home"), ".vault_pass"));
    }

    @Test
    void becomeIsTheDefaultOfSudoAndBecomeUserOfSudoUserOnlyWhenBecomeIsOn() throws Exception {
        Files.writeString(project().resolve("ansible.cfg"), """
                [privilege_escalation]
                become = yes
                become_user = app
                """);
        var options = find(Map.of()).options();
        assertThat(options.defaultValue(OptionSpec.builder("--sudo").build())).isEqualTo("true");
        assertThat(options.defaultValue(
                        OptionSpec.builder("--sudo-user").type(String.class).build()))
                .isEqualTo("app");

        Files.writeString(
                project().resolve("ansible.cfg"), "[privilege_escalation]\nbecome = yes\nbecome_method = su\n");
        assertThat(find(Map.of())
                        .options()
                        .defaultValue(OptionSpec.builder("--sudo").build()))
                .as("su is not sudo")
                .isNull();

        Files.writeString(project().resolve("ansible.cfg"), "[privilege_escalation]\nbecome_user = app\n");
        var off = find(Map.of()).options();
        assertThat(off.defaultValue(
                        OptionSpec.builder("--sudo-user").type(String.class).build()))
                .isNull();
    }

    @Test
    void aBadValueIsOneLineNamingTheFileAndLine() throws Exception {
        Path cfg = Files.writeString(project().resolve("ansible.cfg"), "[defaults]\n\nforks = many\n");
        assertThatThrownBy(() -> parallelDefault(find(Map.of())))
                .isInstanceOf(UsageException.class)
                .hasMessage(cfg + ":3: forks must be a whole number from 1, not 'many'");
        Files.writeString(cfg, "[defaults]\nhost_key_checking = maybe\n");
        assertThatThrownBy(() -> find(Map.of()).hostDefaults())
                .hasMessage(cfg + ":2: host_key_checking must be true or false, not 'maybe'");
        Files.writeString(cfg, "forks = 3\n");
        assertThatThrownBy(() -> find(Map.of()))
                .hasMessage(cfg + ":1: expected [section] or key = value, not 'forks = 3'");
    }

    @Test
    void anAnsibleConfigThatNamesNoFileIsAUsageError() throws Exception {
        assertThatThrownBy(() -> find(Map.of(AnsibleConfig.ENV, "missing.cfg")))
                .isInstanceOf(UsageException.class)
                .hasMessage("ANSIBLE_CONFIG=missing.cfg: no such file");
    }
}
