package dev.jinfra.ops.files;

import static dev.jinfra.deploy.Operations.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.FactSource;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateDeployTest {
    @Test
    void deployTemplateSeesHostDataHostAndItsOwnVariables(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(
                dir.resolve("app.conf.j2"),
                "name={{ host.name }} groups={{ host.groups | join(',') }} port={{ port }} env={{ env }} debug={{ debug }}\n");
        Host host = new Host("web1", List.of("web", "prod"), Map.of("port", 8080, "env", "prod", "debug", false));
        Deploy deploy = h -> files.template(src.toString(), "/etc/app.conf", Map.of("env", "staging"));

        var registered = PrepareContext.prepare(host, List.of(deploy), FactSource.NONE);

        Template op = (Template) registered.getFirst().call().operation();
        assertThat(new String(op.render(), StandardCharsets.UTF_8))
                .isEqualTo("name=web1 groups=web,prod port=8080 env=staging debug=False\n");
        assertThat(op.describe()).isEqualTo("Template: " + src + " -> /etc/app.conf");
    }

    @Test
    void eachHostGetsItsOwnRendering(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("motd.j2"), "{{ host.name }}\n");
        Deploy deploy = h -> files.template(src.toString(), "/etc/motd");
        for (String name : List.of("a", "b")) {
            var registered =
                    PrepareContext.prepare(new Host(name, List.of(), Map.of()), List.of(deploy), FactSource.NONE);
            Template op = (Template) registered.getFirst().call().operation();
            assertThat(new String(op.render(), StandardCharsets.UTF_8)).isEqualTo(name + "\n");
        }
    }
}
