package dev.jinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What jinfra-core brings onto a library user's class path (the test class path holds the same jars). */
class ClasspathTest {
    static List<String> jars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> p.substring(p.lastIndexOf(File.separatorChar) + 1))
                .filter(name -> name.endsWith(".jar"))
                .toList();
    }

    @Test
    void noSnakeYamlOneIsOnTheClassPath() {
        // snakeyaml 1.x has CVE-2022-1471; scanners flag any project that carries it.
        assertThat(jars()).filteredOn(j -> j.startsWith("snakeyaml-")).allMatch(j -> !j.startsWith("snakeyaml-1."));
    }

    @Test
    void everyJacksonModuleHasDatabindsVersion() {
        String version = PackageVersion.VERSION.toString();
        List<String> modules = jars().stream()
                .filter(j -> j.startsWith("jackson-") && !j.startsWith("jackson-annotations-"))
                .toList();
        assertThat(modules).hasSizeGreaterThanOrEqualTo(3).allMatch(j -> j.endsWith("-" + version + ".jar"));
    }
}
