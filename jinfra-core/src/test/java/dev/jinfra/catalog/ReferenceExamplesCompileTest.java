package dev.jinfra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.Doc;
import dev.jinfra.deploy.compile.DeployCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in the reference compiles in a deploy file as written, with no imports of its own: the name a
 * user reads there is the name deploy code calls.
 */
class ReferenceExamplesCompileTest {
    @Test
    void everyOperationExampleCompilesInADeployFile(@TempDir Path dir) throws Exception {
        List<String> examples = new ArrayList<>();
        Catalog.operationTypes().forEach((name, type) -> {
            String example = type.getAnnotation(Doc.class).example();
            assertThat(example).as(name + " has an example in its @Doc").isNotBlank();
            assertThat(example).as(name + "'s example calls it by its name").contains(name + "(");
            examples.add("    " + example);
        });
        Path deploy = Files.writeString(
                dir.resolve("examples.java"), "void deploy(Host host) {\n" + String.join("\n", examples) + "\n}\n");
        assertThat(DeployCompiler.withoutCache().load(deploy)).isNotNull();
    }
}
