package dev.jinfra.deploy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jinfra.api.FactSource;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import dev.jinfra.ops.files.Directory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy files, compiled as jinfra compiles them, use the typed calls: a wrong argument type does not compile. */
class TypedCallsCompileTest {
    private static final DeployCompiler COMPILER = DeployCompiler.withoutCache();

    @Test
    void aDeployFileChainingSettingsAndTypedArgumentsRegistersTheOperation(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory("/srv/app").sudo().recursive(true).owner("app").serial().group("www").mode("750");
                }
                """);

        LoadedDeploy deploy = COMPILER.load(file);
        var registered = PrepareContext.prepare(
                new Host("web-1", List.of(), Map.of()), List.of(deploy.deploy()), FactSource.NONE);

        assertThat(registered.getFirst().call().operation())
                .isEqualTo(new Directory("/srv/app", true, "750", "app", "www", true));
    }

    @Test
    void anArgumentOfTheWrongTypeIsACompileErrorOnTheDeployFilesLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.directory("/srv/app").sudo().recursive("yes");
                }
                """);

        DeployCompileException e = catchThrowableOfType(DeployCompileException.class, () -> COMPILER.load(file));

        assertThat(e.errors())
                .singleElement()
                .asString()
                .contains("deploy.java:2:")
                .contains("cannot be converted to boolean");
    }
}
