package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadStreamTest {
    static final String SHA_OF_HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path dir;

    @Test
    void aFileIsCopiedAsItIsAndItsChecksumChecked() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello\n");
        var out = new ByteArrayOutputStream();
        PayloadStream.copy(Payload.ofFile(f, 6, SHA_OF_HELLO), out, "/srv/f");
        assertThat(out.toString()).isEqualTo("hello\n");
    }

    @Test
    void aFileThatChangedSinceItWasPlannedFromFailsTheUpload() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello, changed\n");
        assertThatThrownBy(() ->
                        PayloadStream.copy(Payload.ofFile(f, 6, SHA_OF_HELLO), new ByteArrayOutputStream(), "/srv/f"))
                .isInstanceOf(IOException.class)
                .hasMessage("the local file changed while the run was using it; nothing was installed at /srv/f"
                        + " (run again)");
    }
}
