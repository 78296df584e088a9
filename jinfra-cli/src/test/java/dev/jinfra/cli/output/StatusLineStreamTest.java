package dev.jinfra.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusLineStreamTest {
    private static final String CLEAR = "\r\u001b[2K";
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StatusLineStream err = new StatusLineStream(bytes);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void otherTextClearsTheStatusLineFirstSoTheyNeverShareALine() {
        err.drawStatus("connected 3/10");
        err.println("jinfra: warning: skipping default key");
        assertThat(written()).isEqualTo(CLEAR + "connected 3/10" + CLEAR + "jinfra: warning: skipping default key\n");
    }

    @Test
    void whilePausedForAQuestionTheStatusLineIsNotDrawn() {
        err.drawStatus("connected 3/10");
        err.pause();
        err.print("passphrase for key: ");
        err.drawStatus("connected 4/10");
        err.resume();
        err.drawStatus("connected 5/10");
        assertThat(written())
                .isEqualTo(CLEAR + "connected 3/10" + CLEAR + "passphrase for key: " + CLEAR + "connected 5/10");
    }

    @Test
    void clearingWhenNothingIsShownWritesNothing() {
        err.println("plain");
        err.clearStatus();
        assertThat(written()).isEqualTo("plain\n");
    }
}
