package dev.jinfra.ops.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.FileEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts about a file's lines told after an edit without reading the file again, checked against grep and awk. */
class FollowingEditsTest {
    @TempDir
    Path dir;

    static final List<String> PATTERNS = List.of(
            "^workers=",
            "^" + Edits.literalRegex("listen=0.0.0.0:8080") + "$",
            Edits.literalRegex("a.b*c[d]{1}(e)|f/$^\\"),
            "port=[0-9]+$",
            "^(debug|trace)=(true|false)$",
            "x?y+z*",
            "",
            "[^#]",
            "a{2,3}");

    static final List<String> LINES = List.of(
            "workers=4",
            "listen=0.0.0.0:8080",
            "listen=0.0.0.0:80800",
            "a.b*c[d]{1}(e)|f/$^\\",
            "port=80",
            "port=80x",
            "debug=false",
            "trace=maybe",
            "yz",
            "",
            "# comment",
            "aaa");

    /** What grep -E says, run on a real file. */
    boolean grep(String pattern, String line) throws Exception {
        Path f = Files.writeString(dir.resolve("f"), line + "\n");
        Process p = new ProcessBuilder("grep", "-E", "-q", "-e", pattern, "--", f.toString()).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(pattern).isLessThan(2);
        return p.exitValue() == 0;
    }

    @Test
    void whatIsToldAboutAMatchIsWhatGrepSays() throws Exception {
        for (String pattern : PATTERNS) {
            for (String line : LINES) {
                Boolean told = SimpleEre.find(pattern, line);
                assertThat(told).as("told for %s", pattern).isNotNull();
                assertThat(told).as("'%s' against '%s'", pattern, line).isEqualTo(grep(pattern, line));
            }
        }
    }

    @Test
    void syntaxThatJavaReadsOtherwiseIsNotTold() {
        for (String pattern :
                List.of("[[:digit:]]", "\\d+", "\\bword", "(a)\\1", "[a\\]]", "[]a]", "a&&b[x&&y]", "é")) {
            assertThat(SimpleEre.find(pattern, "x")).as(pattern).isNull();
        }
    }

    @Test
    void aFileMadeEmptyHasNoMatchingLinesAndNoBlock() {
        assertThat(new FindInFile("/f", "^a").after(null, new FileEdit.Created("/f")))
                .isEmpty();
        assertThat(new BlockContent("/f", "# BEGIN", "# END").after(null, new FileEdit.Created("/f")))
                .isEqualTo(new BlockContent.Value(BlockContent.State.NONE, List.of()));
    }

    @Test
    void appendedLinesAreFoundAfterThoseBefore() throws Exception {
        var fact = new FindInFile("/f", "^port=");
        var edit = new FileEdit.Appended("/f", List.of("port=80", "host=a", "port=81"));
        assertThat(fact.after(List.of("port=22"), edit)).containsExactly("port=22", "port=80", "port=81");
        // An unreadable file stays unknown; a pattern outside what can be told is read again.
        assertThat(fact.after(null, edit)).isNull();
        assertThat(new FindInFile("/f", "[[:digit:]]").after(List.of(), edit)).isNull();
    }

    @Test
    void aBlockAppendedIsReadAsAwkWouldReadTheFile() throws Exception {
        var fact = new BlockContent(dir.resolve("f").toString(), "# BEGIN", "# END");
        var none = new BlockContent.Value(BlockContent.State.NONE, List.of());
        List<List<String>> appends = List.of(
                List.of("# BEGIN", "a=1", "b=2", "# END"),
                List.of("x=1"),
                List.of("# BEGIN", "a=1"),
                List.of("# BEGIN", "# END", "# BEGIN", "c", "# END"));
        for (List<String> lines : appends) {
            Files.write(dir.resolve("f"), lines);
            Process p = new ProcessBuilder(List.of("sh", "-c", fact.command().render()))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            var read = fact.parse(out);
            var told = fact.after(none, new FileEdit.Appended(fact.path(), lines));
            assertThat(told).as(lines.toString()).isEqualTo(read);
        }
        var block = new BlockContent.Value(BlockContent.State.BLOCK, List.of("a=1"));
        assertThat(fact.after(block, new FileEdit.Appended(fact.path(), List.of("# BEGIN", "z", "# END"))))
                .isEqualTo(block);
        var open = new BlockContent.Value(BlockContent.State.UNTERMINATED, List.of());
        assertThat(fact.after(open, new FileEdit.Appended(fact.path(), List.of("# END"))))
                .isNull();
    }
}
