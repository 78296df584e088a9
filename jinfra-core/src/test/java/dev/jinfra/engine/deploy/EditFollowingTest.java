package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.FileEdit;
import dev.jinfra.ops.files.FileInfo;
import dev.jinfra.ops.files.FindInFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditFollowingTest {
    static final Map<String, String> RESOLVED = Map.of(
            "/srv/a.conf", "/srv/a.conf",
            "/srv/b.conf", "/srv/b.conf",
            "/srv/link.conf", "/srv/a.conf");
    static final FileEdit APPENDED = new FileEdit.Appended("/srv/a.conf", List.of("port=80"));

    @Test
    void aFactAboutTheEditedFileTakesItsValueAfterTheEdit() {
        Object after = EditFollowing.after(
                new FindInFile("/srv/a.conf", "^port="),
                List.of(),
                ChangeScope.entries("/srv/a.conf"),
                List.of(APPENDED),
                RESOLVED);
        assertThat(after).isEqualTo(List.of("port=80"));
    }

    @Test
    void whatCannotFollowOrMayHaveBeenReachedOtherwiseIsReadAgain() {
        // Read through a link: the file edited under one name may be another.
        assertThat(EditFollowing.after(
                        new FindInFile("/srv/link.conf", "^port="),
                        List.of(),
                        ChangeScope.entries("/srv/a.conf"),
                        List.of(APPENDED),
                        RESOLVED))
                .isNull();
        // The change reached more than the edited file.
        assertThat(EditFollowing.after(
                        new FindInFile("/srv/a.conf", "^port="),
                        List.of(),
                        ChangeScope.entries("/srv/a.conf", "/srv/b.conf"),
                        List.of(APPENDED),
                        RESOLVED))
                .isNull();
        assertThat(EditFollowing.after(
                        new FindInFile("/srv/a.conf", "^port="),
                        List.of(),
                        ChangeScope.trees("/srv/a.conf"),
                        List.of(APPENDED),
                        RESOLVED))
                .isNull();
        // A fact that does not follow edits (a file's mode, size, times).
        assertThat(EditFollowing.after(
                        new FileInfo("/srv/a.conf"),
                        null,
                        ChangeScope.entries("/srv/a.conf"),
                        List.of(APPENDED),
                        RESOLVED))
                .isNull();
        // The edit was to another file: a fact forgotten for another reason is not made up.
        assertThat(EditFollowing.after(
                        new FindInFile("/srv/b.conf", "^port="),
                        List.of(),
                        ChangeScope.entries("/srv/a.conf"),
                        List.of(APPENDED),
                        RESOLVED))
                .isNull();
    }
}
