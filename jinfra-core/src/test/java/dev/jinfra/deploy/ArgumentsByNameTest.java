package dev.jinfra.deploy;

import static dev.jinfra.deploy.Operations.apt;
import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.inventory.Host;
import dev.jinfra.ops.apt.AptKey;
import dev.jinfra.ops.files.Block;
import dev.jinfra.ops.files.Directory;
import dev.jinfra.ops.files.Link;
import dev.jinfra.ops.files.Template;
import dev.jinfra.ops.service.ServerService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deploy code gives an operation's other arguments by the names of the reference and the command line
 * ({@code .arg("recursive", true)}, {@code .absent()}, {@code .mode(..)}), and hears in words when a name or a
 * value does not fit.
 */
class ArgumentsByNameTest {
    private static final Host HOST = new Host("web-1", List.of(), Map.of());

    private static Operation built(Deploy deploy) {
        return PrepareContext.prepare(HOST, List.of(deploy), FactSource.NONE)
                .getFirst()
                .call()
                .operation();
    }

    @Test
    void argumentsByNameBuildTheRecordWithThoseValues() {
        assertThat(built(h -> files.directory("/srv/app")
                        .mode("750")
                        .owner("app")
                        .group("www")
                        .arg("recursive", true)))
                .isEqualTo(new Directory("/srv/app", true, "750", "app", "www", true));
    }

    @Test
    void anArgumentTheOperationDoesNotHaveIsAnErrorNamingTheOperationAndItsArguments() {
        assertThatThrownBy(() -> built(h -> files.directory("/srv/app").arg("recurse", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("files.directory has no argument 'recurse'; its arguments: path, present, mode, owner,"
                        + " group, recursive");
    }

    @Test
    void aShorthandForAnArgumentTheOperationDoesNotHaveSaysWhichArgumentItSets() {
        assertThatThrownBy(() -> built(h -> server.mount("/srv/data").absent()))
                .hasMessage("server.mount has no argument 'present' (absent() sets it); its arguments: path, device,"
                        + " type, options, mounted");
        assertThatThrownBy(() -> built(h -> apt.packages("nginx").mode("644")))
                .hasMessageStartingWith("apt.packages has no argument 'mode' (mode(..) sets it)");
    }

    @Test
    void aValueOfAnotherTypeIsAnErrorNamingTheArgumentAndWhatItTakes() {
        assertThatThrownBy(() -> built(h -> files.directory("/srv/app").arg("recursive", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("files.directory: argument 'recursive' takes true or false, not the text \"yes\"");
        assertThatThrownBy(() -> built(h -> files.directory("/srv/app").arg("recursive", null)))
                .hasMessage("files.directory: argument 'recursive' takes true or false, not null");
        assertThatThrownBy(() -> built(h -> server.group("app").arg("gid", 990L)))
                .hasMessage("server.group: argument 'gid' takes a whole number (Integer) or null, not 990 (Long)");
        assertThatThrownBy(() -> built(h -> server.user("app").arg("groups", List.of(7))))
                .hasMessage("server.user: argument 'groups' takes a list of text, e.g. List.of(\"a\", \"b\"), not a"
                        + " list holding 7 (Integer)");
    }

    @Test
    void argumentsThatOnlyGoTogetherMayComeInAnyOrder() {
        assertThat(built(h -> files.link("/srv/app/current").absent()))
                .isEqualTo(new Link("/srv/app/current", null, false, true, false));
        assertThat(built(h -> files.block("/etc/hosts").absent()))
                .isEqualTo(new Block("/etc/hosts", null, null, false));
        assertThat(built(h -> apt.key()
                        .arg("dest", "/etc/apt/keyrings/example.gpg")
                        .arg("url", "https://example.org/debian/key.asc")))
                .isEqualTo(
                        new AptKey(null, "https://example.org/debian/key.asc", "/etc/apt/keyrings/example.gpg", null));
    }

    @Test
    void argumentsThatDoNotGoTogetherAreAnErrorNamingTheLineOfTheDeploy() {
        assertThatThrownBy(() -> built(h -> files.link("/srv/app/current")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(
                        "ArgumentsByNameTest\\.java:\\d+: files\\.link needs a target for /srv/app/current");
    }

    @Test
    void anOperationGivenWithEveryArgumentStillTakesArgumentsByName() {
        assertThat(built(h -> server.service(ServerService.running("nginx")).arg("restarted", true)))
                .isEqualTo(new ServerService("nginx", true, true, false, true));
    }

    @Test
    void templateVariablesGivenByNameSitOverTheHostsDataAsTheMethodsOwnDo() {
        Host host = new Host("web-1", List.of("web"), Map.of("port", 1, "env", "prod"));
        var registered = PrepareContext.prepare(
                host,
                List.of(h -> files.template("app.conf.j2", "/etc/app.conf").arg("vars", Map.of("port", 80))),
                FactSource.NONE);
        Template template = (Template) registered.getFirst().call().operation();
        assertThat(template.vars())
                .containsEntry("port", 80)
                .containsEntry("env", "prod")
                .containsEntry(
                        "host",
                        Map.of("name", "web-1", "groups", List.of("web"), "data", Map.of("port", 1, "env", "prod")));
    }

    @Test
    void anArgumentGivenOnceTheDeployCodeHasRunIsRefused() {
        OperationCall[] kept = new OperationCall[1];
        PrepareContext.prepare(HOST, List.of(h -> kept[0] = files.directory("/srv/app")), FactSource.NONE);
        assertThatThrownBy(() -> kept[0].mode("700"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("arguments are given while the deploy code runs");
    }
}
