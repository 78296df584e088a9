package dev.jinfra.api;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** Unified diffs of text, as {@code diff -u} prints them, for operations that change file content. */
public final class UnifiedDiff {
    private UnifiedDiff() {}

    /** @param before null when the file does not exist yet */
    public static String of(String path, String before, String after) {
        List<String> old = before == null ? List.of() : before.lines().toList();
        List<String> now = after.lines().toList();
        var patch = DiffUtils.diff(old, now);
        if (patch.getDeltas().isEmpty()) {
            return null;
        }
        List<String> lines =
                UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : path, path, old, patch, 3);
        return String.join("\n", lines) + "\n";
    }
}
