package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    private final List<String> lines = new ArrayList<>();
    private final OutputListener listener = (stream, line) -> lines.add(line);

    private static void write(OutputCapture c, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        c.write(b, 0, b.length);
    }

    @Test
    void whatIsCutIsSaidAndJinfrasNoteStillComesLast() {
        var c = new OutputCapture(OutputListener.NONE, OutputListener.Stream.STDERR, 10);
        write(c, "0123456789abcdef");
        c.note("killed by signal TERM");
        assertThat(c.text())
                .isEqualTo("0123456789\n[jinfra: 6 more bytes not kept]\n[jinfra: killed by signal TERM]\n");
    }

    @Test
    void aNoteAfterOutputWithoutNewlineStartsALineOfItsOwn() {
        var c = new OutputCapture(listener, OutputListener.Stream.STDOUT, 100);
        write(c, "partial");
        c.note("connection lost");
        assertThat(c.text()).isEqualTo("partial\n[jinfra: connection lost]\n");
        assertThat(lines).containsExactly("partial", "[jinfra: connection lost]");
    }

    @Test
    void outputWithoutNewlinesIsStreamedInPiecesSoNoLineBufferGrowsWithoutBound() {
        var c = new OutputCapture(listener, OutputListener.Stream.STDOUT, 16);
        write(c, "x".repeat(OutputCapture.LINE_PIECE * 2 + 5));
        c.flush();
        assertThat(lines)
                .extracting(String::length)
                .containsExactly(OutputCapture.LINE_PIECE, OutputCapture.LINE_PIECE, 5);
    }
}
