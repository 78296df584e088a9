package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths inside a chroot tree, found from outside it as a process inside would find them. */
class TreePathTest {
    @TempDir
    Path root;

    @Test
    void anAbsoluteLinkInsideTheTreeStaysInsideIt() throws IOException {
        Files.createDirectories(root.resolve("usr/etc"));
        Files.createSymbolicLink(root.resolve("etc"), Path.of("/usr/etc"));

        assertThat(TreePath.resolve(root, "/etc/motd")).isEqualTo(root.resolve("usr/etc/motd"));
    }

    @Test
    void dotDotNeverClimbsAboveTheTree() throws IOException {
        Files.createDirectories(root.resolve("a/b"));
        Files.createSymbolicLink(root.resolve("a/b/up"), Path.of("../../../../../etc"));

        assertThat(TreePath.resolve(root, "/a/b/up/passwd")).isEqualTo(root.resolve("etc/passwd"));
        assertThat(TreePath.resolve(root, "../../x")).isEqualTo(root.resolve("x"));
    }

    @Test
    void aRelativeLinkIsFollowedFromItsDirectory() throws IOException {
        Files.createDirectories(root.resolve("srv/releases/v2"));
        Files.createSymbolicLink(root.resolve("srv/current"), Path.of("releases/v2"));

        assertThat(TreePath.resolve(root, "srv/current/app.conf")).isEqualTo(root.resolve("srv/releases/v2/app.conf"));
    }

    @Test
    void aLoopOfLinksIsReportedRatherThanFollowedForever() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));

        assertThatThrownBy(() -> TreePath.resolve(root, "/a/x"))
                .isInstanceOf(IOException.class)
                .hasMessage("too many levels of symbolic links in /a/x");
    }
}
