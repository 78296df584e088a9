package dev.jinfra.engine.deploy;

import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Fact;
import dev.jinfra.api.FileEdit;
import dev.jinfra.api.FollowsEdits;
import java.util.List;
import java.util.Map;

/**
 * A fact's value after a change that edited files' lines ({@link FileEdit}), told from its value before when the
 * fact can follow the edits ({@link FollowsEdits}) and nothing else of the change could have reached it.
 */
final class EditFollowing {
    private EditFollowing() {}

    /**
     * @param resolved normalized path to the host's resolution of it, as known before the change
     * @return the value after the change, or null when the fact must be read again
     */
    static Object after(
            Fact<?> fact, Object before, ChangeScope scope, List<FileEdit> edits, Map<String, String> resolved) {
        if (!(fact instanceof FollowsEdits<?> follows)
                || edits.isEmpty()
                || !scope.trees().isEmpty()) {
            return null;
        }
        String q = FactInvalidation.normalize(fact.confinedTo());
        // The fact's path reached without a link on the way: the file edited under that name is the one it reads.
        if (q == null || !q.equals(resolved.get(q))) {
            return null;
        }
        List<String> edited =
                edits.stream().map(e -> FactInvalidation.normalize(e.path())).toList();
        // The change touched nothing but the edited files, and none of them is this file by another name.
        for (String entry : scope.entries()) {
            if (!edited.contains(FactInvalidation.normalize(entry))) {
                return null;
            }
        }
        for (String p : edited) {
            if (p == null || !p.equals(resolved.get(p))) {
                return null;
            }
        }
        Object value = before;
        boolean touched = false;
        for (FileEdit e : edits) {
            if (q.equals(FactInvalidation.normalize(e.path()))) {
                value = follow(follows, value, e);
                touched = true;
                if (value == null) {
                    return null;
                }
            }
        }
        return touched ? value : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T follow(FollowsEdits<T> fact, Object before, FileEdit edit) {
        return fact.after((T) before, edit);
    }
}
