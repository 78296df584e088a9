package dev.jinfra.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void exceptionsWithoutAMessageAreSaidInWords() {
        assertThat(Problems.inWords(new ConnectException())).isEqualTo("connection refused");
        assertThat(Problems.inWords(new EOFException())).isEqualTo("the connection closed");
        assertThat(Problems.inWords(new UnresolvedAddressException())).isEqualTo("cannot resolve the host name");
        assertThat(Problems.inWords(new StackOverflowError())).isEqualTo("endless recursion (the stack overflowed)");
        assertThat(Problems.inWords(new NullPointerException())).isEqualTo("null pointer");
        assertThat(Problems.inWords(new IllegalStateException())).isEqualTo("illegal state");
    }

    @Test
    void fileProblemsNameTheFileAndWhatIsWrongWithIt() {
        assertThat(Problems.inWords(new NoSuchFileException("/etc/app.conf")))
                .isEqualTo("/etc/app.conf: no such file or directory");
        assertThat(Problems.inWords(new AccessDeniedException("/root/x"))).isEqualTo("/root/x: permission denied");
        assertThat(Problems.inWords(new FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("/x: Read-only file system");
    }

    @Test
    void aCausesClassNameInFrontOfTheMessageIsLeftOut() {
        assertThat(Problems.inWords(new IOException("java.net.ConnectException: Connection refused")))
                .isEqualTo("Connection refused");
        assertThat(Problems.inWords(new UncheckedIOException(new NoSuchFileException("/a"))))
                .isEqualTo("/a: no such file or directory");
        assertThat(Problems.inWords(new RuntimeException(new EOFException()))).isEqualTo("the connection closed");
    }

    @Test
    void aMessageOfItsOwnIsKept() {
        assertThat(Problems.inWords(new IllegalArgumentException("files.directory needs a path")))
                .isEqualTo("files.directory needs a path");
    }
}
