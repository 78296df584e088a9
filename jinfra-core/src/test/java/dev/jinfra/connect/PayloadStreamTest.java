package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadStreamTest {
    static final String SHA_OF_HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path dir;

    private static long modified(Path f) throws IOException {
        return Files.getLastModifiedTime(f).to(TimeUnit.NANOSECONDS);
    }

    @Test
    void aFileIsCopiedAsItIs() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello\n");
        var out = new ByteArrayOutputStream();
        PayloadStream.copy(Payload.ofFile(f, 6, modified(f), SHA_OF_HELLO), out, "/srv/f");
        assertThat(out.toString()).isEqualTo("hello\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, changed\n", "HELLO\n", ""})
    void aFileThatChangedSinceItWasPlannedFromFailsTheUpload(String now) throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello\n");
        long planned = modified(f);
        Files.writeString(f, now);
        // A different size is caught even with the time set back; a rewrite of the same size by its time, however
        // little it moved.
        Files.setLastModifiedTime(f, FileTime.from(planned + (now.length() == 6 ? 1 : 0), TimeUnit.NANOSECONDS));
        assertThatThrownBy(() -> PayloadStream.copy(
                        Payload.ofFile(f, 6, planned, SHA_OF_HELLO), new ByteArrayOutputStream(), "/srv/f"))
                .isInstanceOf(IOException.class)
                .hasMessage("the local file changed while the run was using it; nothing was installed at /srv/f"
                        + " (run again)");
    }

    @Test
    void aFileThatIsGoneFailsTheUploadTheSameWay() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello\n");
        long planned = modified(f);
        Files.delete(f);
        assertThatThrownBy(() -> PayloadStream.copy(
                        Payload.ofFile(f, 6, planned, SHA_OF_HELLO), new ByteArrayOutputStream(), "/srv/f"))
                .hasMessageStartingWith("the local file changed while the run was using it");
    }
}
