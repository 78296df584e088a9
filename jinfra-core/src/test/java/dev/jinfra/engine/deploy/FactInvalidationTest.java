package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.ChangeScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactInvalidationTest {
    static final Map<String, String> SAME = Map.of(
            "/srv/app/a.conf", "/srv/app/a.conf",
            "/srv/app/b.conf", "/srv/app/b.conf",
            "/srv/app", "/srv/app",
            "/srv/current", "/srv/releases/1",
            "/srv/releases/1/app.conf", "/srv/releases/1/app.conf",
            "/srv/current/app.conf", "/srv/releases/1/app.conf");

    static boolean mayChange(ChangeScope scope, String fact) {
        return FactInvalidation.mayChange(scope, List.of(), List.of(), fact, SAME);
    }

    @Test
    void pathsAreComparedInOneSpelling() {
        assertThat(FactInvalidation.normalize("//srv/./app/")).isEqualTo("/srv/app");
        assertThat(FactInvalidation.normalize("/")).isEqualTo("/");
        assertThat(FactInvalidation.normalize("srv/app")).isNull();
        assertThat(FactInvalidation.normalize("/srv/../etc")).isNull();
        assertThat(FactInvalidation.normalize("/srv/app")).isEqualTo("/srv/app");
        assertThat(FactInvalidation.normalize("/srv/app/.")).isEqualTo("/srv/app");
        assertThat(FactInvalidation.normalize("/srv/..")).isNull();
        assertThat(FactInvalidation.normalize("/srv/.hidden/..x/...")).isEqualTo("/srv/.hidden/..x/...");
        assertThat(FactInvalidation.normalize("/srv//app")).isEqualTo("/srv/app");
        assertThat(FactInvalidation.within("/srv/app", "/srv")).isTrue();
        assertThat(FactInvalidation.within("/srv/app", "/sr")).isFalse();
        assertThat(FactInvalidation.within("/srv", "/srv")).isTrue();
        assertThat(FactInvalidation.within("/etc", "/")).isTrue();
    }

    @Test
    void aChangeToOneFileLeavesFactsAboutItsNeighbours() {
        assertThat(mayChange(ChangeScope.entries("/srv/app/a.conf"), "/srv/app/b.conf"))
                .isFalse();
        assertThat(mayChange(ChangeScope.entries("/srv/app/a.conf"), "/srv/app/a.conf"))
                .isTrue();
    }

    @Test
    void aChangeBeneathADirectoryForgetsWhatWasReadAboutTheDirectory() {
        assertThat(mayChange(ChangeScope.entries("/srv/app/a.conf"), "/srv/app"))
                .isTrue();
    }

    @Test
    void anEntryChangeToADirectoryLeavesWhatLiesBeneathButATreeChangeDoesNot() {
        assertThat(mayChange(ChangeScope.entries("/srv/app"), "/srv/app/a.conf"))
                .isFalse();
        assertThat(mayChange(ChangeScope.trees("/srv/app"), "/srv/app/a.conf")).isTrue();
    }

    @Test
    void aChangeThroughALinkForgetsWhatWasReadThroughItsTarget() {
        assertThat(mayChange(ChangeScope.entries("/srv/current/app.conf"), "/srv/releases/1/app.conf"))
                .isTrue();
        assertThat(mayChange(ChangeScope.entries("/srv/releases/1/app.conf"), "/srv/current/app.conf"))
                .isTrue();
    }

    @Test
    void pathsWhoseResolutionIsUnknownAreAlwaysForgotten() {
        assertThat(mayChange(ChangeScope.entries("/srv/app/a.conf"), "/srv/unknown"))
                .isTrue();
        assertThat(mayChange(ChangeScope.entries("/srv/unknown"), "/srv/app/a.conf"))
                .isTrue();
        assertThat(mayChange(ChangeScope.entries("/srv/app/a.conf"), "relative/path"))
                .isTrue();
        assertThat(mayChange(ChangeScope.entries("/srv/app/a.conf"), null)).isTrue();
    }

    @Test
    void aChangeAnywhereForgetsEverything() {
        assertThat(mayChange(ChangeScope.ANYWHERE, "/srv/app/b.conf")).isTrue();
    }

    @Test
    void anUploadsTemporaryFileForgetsOnlyFactsAboutItsDirectory() {
        var scope = ChangeScope.entries("/srv/app/a.conf");
        assertThat(FactInvalidation.mayChange(
                        scope, List.of("/tmp/.jinfra-upload-1"), List.of(), "/srv/app/b.conf", SAME))
                .isFalse();
        assertThat(FactInvalidation.mayChange(
                        scope, List.of("/tmp/.jinfra-upload-1"), List.of(), "/tmp", Map.of("/tmp", "/tmp")))
                .isTrue();
    }

    @Test
    void aLinkChangedMovesEveryResolutionThroughIt() {
        var scope = ChangeScope.trees("/srv/current");
        assertThat(FactInvalidation.mayMove(scope, List.of(), "/srv/current/app.conf", "/srv/releases/1/app.conf"))
                .isTrue();
        assertThat(FactInvalidation.mayMove(scope, List.of(), "/srv/app/a.conf", "/srv/app/a.conf"))
                .isFalse();
    }

    @Test
    void aDirectoryMadeWhereNothingWasKeepsWhatWasKnownBeneathIt() {
        var made = ChangeScope.entries("/srv/app");
        // Without saying it was made where nothing was, a new entry may be a link: resolutions through it move.
        assertThat(FactInvalidation.mayMove(made, List.of(), "/srv/app/a.conf", "/srv/app/a.conf"))
                .isTrue();
        assertThat(FactInvalidation.mayMove(made, List.of("/srv/app"), "/srv/app/a.conf", "/srv/app/a.conf"))
                .isFalse();
        assertThat(FactInvalidation.mayChange(made, List.of(), List.of("/srv/app/"), "/srv/app/a.conf", SAME))
                .isFalse();
        // What was read about the directory itself is no longer true.
        assertThat(FactInvalidation.mayChange(made, List.of(), List.of("/srv/app"), "/srv/app", SAME))
                .isTrue();
        // A tree made where nothing was (a new directory with modes applied recursively) has nothing beneath it.
        var tree = ChangeScope.trees("/srv/app");
        assertThat(FactInvalidation.mayChange(tree, List.of(), List.of("/srv/app"), "/srv/app/a.conf", SAME))
                .isFalse();
        assertThat(FactInvalidation.mayChange(tree, List.of(), List.of(), "/srv/app/a.conf", SAME))
                .isTrue();
    }

    @Test
    void resolutionsAreTakenOnlyWhenThereIsOneForEveryPath() {
        var resolved = new java.util.HashMap<String, String>();
        FactInvalidation.parseResolutions(List.of("/a", "/b"), "/x\0", 0, resolved);
        assertThat(resolved).isEmpty();
        FactInvalidation.parseResolutions(List.of("/a", "/b"), "/x\0/y\0", 1, resolved);
        assertThat(resolved).isEmpty();
        FactInvalidation.parseResolutions(List.of("/a", "/b"), "/x\0/y\0", 0, resolved);
        assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of("/a", "/x", "/b", "/y"));
    }
}
