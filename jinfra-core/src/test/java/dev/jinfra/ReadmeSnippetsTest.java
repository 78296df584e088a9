package dev.jinfra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.compile.DeployFiles;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library examples compile as they are shown, against the library as it is. */
class ReadmeSnippetsTest {
    static List<String> librarySnippets() throws Exception {
        return snippets("## Using jinfra as a library");
    }

    /** The Java blocks of the README's section that starts with {@code heading}. */
    static List<String> snippets(String heading) throws Exception {
        String readme = Files.readString(
                Path.of(System.getProperty("jinfra.repo.root", "..")).resolve("README.md"));
        int from = readme.indexOf("\n" + heading + "\n");
        int to = readme.indexOf("\n## ", from + 1);
        assertThat(from).as("the README's section " + heading).isNotNegative();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(from, to));
        List<String> snippets = new ArrayList<>();
        while (m.find()) {
            snippets.add(m.group(1));
        }
        return snippets;
    }

    /** A snippet's imports stay imports; the rest becomes the body of a method that may throw. */
    static JavaFileObject asClass(String name, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.lines().toList()) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = imports + "class " + name + " {\n  void run() throws Exception {\n" + body + "  }\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }

    @Test
    void everyDeployExampleInTheReadmeCompilesAsADeploy(@TempDir Path dir) throws Exception {
        List<String> snippets = snippets("## Deploys");
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            // A snippet of statements is the body of a deploy method, as a reader would paste it into one.
            String deploy =
                    snippet.startsWith("void deploy(") ? snippet : "void deploy(Host host) {\n" + snippet + "}\n";
            Path file = Files.writeString(dir.resolve("readme" + i + ".java"), deploy);
            assertThat(DeployFiles.load(List.of(file), null)).as(snippet).hasSize(1);
        }
    }

    @Test
    void everyLibraryExampleInTheReadmeCompiles(@TempDir Path out) throws Exception {
        List<String> snippets = librarySnippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            sources.add(asClass("ReadmeSnippet" + i, snippets.get(i)));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new StringWriter();
        boolean ok = javac.getTask(
                        errors,
                        null,
                        null,
                        List.of(
                                "-classpath",
                                System.getProperty("java.class.path"),
                                "-d",
                                out.toString(),
                                "-proc:none"),
                        null,
                        sources)
                .call();
        assertThat(ok).as(errors.toString()).isTrue();
    }
}
