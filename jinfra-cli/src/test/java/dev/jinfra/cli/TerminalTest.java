package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTest {
    @ParameterizedTest(name = "a stream on {0} is a terminal: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /dev/pts/3             | true
            /dev/pts/12            | true
            /dev/tty               | true
            /dev/tty1              | true
            /dev/ttyS0             | true
            /dev/console           | true
            /dev/null              | false
            pipe:[403921]          | false
            socket:[1209]          | false
            /home/me/out.txt       | false
            /dev/pts/ptmx          | false
            """)
    void aStreamIsATerminalWhenItsDescriptorPointsAtATerminalDevice(String target, boolean terminal) {
        assertThat(Terminal.isTerminalDevice(target)).isEqualTo(terminal);
    }

    @Test
    void aDescriptorIsReadAsALinkToItsDevice(@TempDir Path dir) throws Exception {
        // Links as /proc/self/fd has them; their targets need not exist.
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/pts/5"))))
                .isTrue();
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("1"), dir.resolve("out.txt"))))
                .isFalse();
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("0"), Path.of("pipe:[403921]"))))
                .isFalse();
    }

    @Test
    void anAnswerIsOneLineWithoutItsLineEnd() throws Exception {
        var in = new ByteArrayInputStream("s3cret pässword\r\nnext\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Terminal.readLine(in)).isEqualTo("s3cret pässword");
        assertThat(Terminal.readLine(in)).isEqualTo("next");
        assertThat(Terminal.readLine(in)).isNull();
    }

    @Test
    void nobodyIsAskedWhenThereIsNoTerminal() {
        assertThat(Terminal.NO_PROMPTER.available()).isFalse();
        assertThat(Terminal.NO_PROMPTER.readSecret("password: ")).isNull();
    }
}
