package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading OpenSSH client configs: the fixture files are under src/test/resources/connect/. */
class SshConfigFileTest {
    static Path fixtures;
    static final List<String> warnings = new ArrayList<>();
    static SshConfigFile config;

    @BeforeAll
    static void load() throws URISyntaxException {
        fixtures = Path.of(SshConfigFileTest.class
                        .getResource("/connect/ssh_config")
                        .toURI())
                .getParent();
        config = SshConfigFile.load(fixtures.resolve("ssh_config"), fixtures, warnings::add);
    }

    @Test
    void aHostMatchedByAWildcardGetsItsSettingsWithPercentHExpanded() {
        var web = config.lookup("web-02");
        assertThat(web.hostName()).isEqualTo("web-02.example.com");
        assertThat(web.port()).isEqualTo(2201);
        assertThat(web.user()).isEqualTo("deploy");
    }

    @Test
    void theFirstValueWinsExceptForIdentityFilesWhichAddUp() {
        var web = config.lookup("web-01");
        assertThat(web.port()).as("web-* sets Port before web-01 does").isEqualTo(2201);
        assertThat(web.identityFiles())
                .extracting(SshConfigFile.Setting::value)
                .containsExactly("~/.ssh/id_web", "/keys/with space/id_ed25519", "/keys/web-01");
    }

    @Test
    void aNegatedPatternExcludesAHostAWildcardWouldMatch() {
        var internal = config.lookup("web-internal");
        assertThat(internal.hostName()).as("quoted, lower-case keyword").isEqualTo("10.1.0.1");
        assertThat(internal.port()).isNull();
        assertThat(internal.user()).isEqualTo("fallback");
        assertThat(internal.identityFiles()).isEmpty();
    }

    @Test
    void proxyJumpComesFromTheFirstMatchingBlockAndNoneTurnsItOff() {
        assertThat(config.lookup("db-1").proxyJump()).isEqualTo("bastion.example.com:2222");
        assertThat(config.lookup("web-02").proxyJump()).as("Key = Value form").isEqualTo("gateway");
        assertThat(config.lookup("db-direct").proxyJump()).isNull();
    }

    @Test
    void matchBlocksAreSkippedWithOneWarningNamingTheFirstOne() throws Exception {
        var db = config.lookup("db-1");
        assertThat(db.user()).isEqualTo("fallback");
        assertThat(db.port()).isNull();
        Path main = fixtures.resolve("ssh_config");
        int firstMatchLine =
                Files.readAllLines(main).stream().map(String::strip).toList().indexOf("Match host db-*") + 1;
        assertThat(warnings)
                .containsExactly(
                        main + ":" + firstMatchLine + ": Match blocks are not supported; their settings are skipped");
    }

    @Test
    void anIncludeInsideAHostBlockAppliesOnlyToThatHostAndTheBlockGoesOnAfterIt() {
        var direct = config.lookup("db-direct");
        assertThat(direct.port()).isEqualTo(2222);
        assertThat(direct.user()).as("the line after the Include").isEqualTo("direct-user");
        assertThat(config.lookup("other-1").user())
                .as("Host other-* inside the db-direct include")
                .isEqualTo("fallback");
    }

    @Test
    void aGlobIncludeReadsMatchingFilesInNameOrder() {
        var app = config.lookup("app-1");
        assertThat(app.hostName()).isEqualTo("app.example.com");
        assertThat(app.port()).isEqualTo(2022);
        assertThat(app.user()).isEqualTo("app-user");
        assertThat(config.lookup("app-22").hostName())
                .as("? is exactly one character")
                .isNull();
        assertThat(config.lookup("anything").user())
                .as("ignored.txt is not *.conf")
                .isEqualTo("fallback");
    }

    @Test
    void anIncludeLoopStopsWithAWarning() {
        List<String> loopWarnings = new ArrayList<>();
        var looped = SshConfigFile.load(fixtures.resolve("include_loop"), fixtures, loopWarnings::add);
        assertThat(looped.lookup("looped").port()).isEqualTo(2345);
        assertThat(loopWarnings).singleElement().asString().contains("Include nested too deeply");
    }

    @Test
    void aMissingFileIsAnEmptyConfig() {
        List<String> none = new ArrayList<>();
        var empty = SshConfigFile.load(fixtures.resolve("no_such_config"), none::add)
                .lookup("web-01");
        assertThat(empty).isEqualTo(new SshConfigFile.Entry(null, null, null, List.of(), null, null, null, null, null));
        assertThat(none).isEmpty();
    }
}
