package dev.jinfra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.compile.DeployFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDocsTest {
    static Path reference() {
        return Path.of(System.getProperty("jinfra.repo.root", "..")).resolve("docs/reference.md");
    }

    @Test
    void theCommittedReferenceMatchesTheCode() throws Exception {
        String generated = ReferenceDocs.render();
        if (Boolean.getBoolean("jinfra.docs.write")) {
            Files.createDirectories(reference().getParent());
            Files.writeString(reference(), generated);
        }
        assertThat(reference())
                .as("docs/reference.md is generated; see its first lines to regenerate")
                .exists();
        assertThat(Files.readString(reference())).isEqualTo(generated);
    }

    @Test
    void everyExampleInTheReferenceCompilesAsADeploy(@TempDir Path dir) throws Exception {
        StringBuilder deploy = new StringBuilder("void deploy(Host host) {\n");
        ReferenceDocs.examples().forEach(e -> deploy.append("    ").append(e).append('\n'));
        deploy.append("}\n");
        Path file = Files.writeString(dir.resolve("examples.java"), deploy);
        assertThat(DeployFiles.load(List.of(file), null)).hasSize(1);
    }
}
