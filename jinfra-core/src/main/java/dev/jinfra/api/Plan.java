package dev.jinfra.api;

import dev.jinfra.command.Command;
import java.util.List;

/**
 * What an operation needs to do on one host: the commands that bring it to the wanted state, or, when it is
 * already there, why nothing is needed ("nginx is installed").
 *
 * @param created paths this plan makes where its facts found nothing, as a directory or a file and never as a
 *     link (see {@link #withCreated}); empty for most plans
 * @param edits what the commands do to files' lines, for facts that can follow it ({@link #withEdits}); empty for
 *     most plans
 */
public record Plan(
        List<Upload> uploads,
        List<Command> commands,
        String noChangeReason,
        List<Download> downloads,
        List<String> created,
        List<FileEdit> edits) {

    /** File content to write to a path on the host before the commands run (normally a temporary name). */
    public record Upload(Payload content, String remotePath) {
        public Upload(byte[] bytes, String remotePath) {
            this(Payload.of(bytes), remotePath);
        }

        @Override
        public String toString() {
            return "upload " + content.size() + " bytes to " + remotePath;
        }
    }

    /** A file on the host to copy to this machine after the commands ran; written here atomically. */
    public record Download(String remotePath, java.nio.file.Path localPath) {
        @Override
        public String toString() {
            return "download " + remotePath + " to " + localPath;
        }
    }

    public Plan {
        uploads = List.copyOf(uploads);
        commands = List.copyOf(commands);
        downloads = List.copyOf(downloads);
        created = List.copyOf(created);
        edits = List.copyOf(edits);
        if ((commands.isEmpty() && uploads.isEmpty() && downloads.isEmpty()) == (noChangeReason == null)) {
            throw new IllegalArgumentException("a plan has steps or a no-change reason, not both or neither");
        }
    }

    public Plan(List<Upload> uploads, List<Command> commands, String noChangeReason, List<Download> downloads) {
        this(uploads, commands, noChangeReason, downloads, List.of(), List.of());
    }

    public Plan(List<Upload> uploads, List<Command> commands, String noChangeReason) {
        this(uploads, commands, noChangeReason, List.of());
    }

    public Plan(List<Command> commands, String noChangeReason) {
        this(List.of(), commands, noChangeReason);
    }

    public static Plan run(List<Command> commands) {
        return new Plan(commands, null);
    }

    /** Uploads first, then the commands (e.g. the rename that puts the uploaded file in place). */
    public static Plan upload(List<Upload> uploads, List<Command> commands) {
        return new Plan(uploads, commands, null);
    }

    public static Plan run(Command... commands) {
        return new Plan(List.of(commands), null);
    }

    /** Files to copy from the host to this machine. */
    public static Plan download(List<Download> downloads) {
        return new Plan(List.of(), List.of(), null, downloads);
    }

    public static Plan noChange(String reason) {
        return new Plan(List.of(), reason);
    }

    /**
     * This plan, saying that it creates {@code paths} where its facts found nothing, as directories or files (not
     * links). Whatever was known of paths beneath them stays true after the change (nothing was there and nothing
     * is there after; paths through them resolve as before), so a deploy that makes a directory and then fills it
     * plans the filling from the facts it read before, without reading them again.
     */
    public Plan withCreated(String... paths) {
        if (!changes()) {
            throw new IllegalStateException("a plan that changes nothing creates nothing");
        }
        return new Plan(uploads, commands, noChangeReason, downloads, List.of(paths), edits);
    }

    /**
     * This plan, saying what its commands do to files' lines: facts that follow such edits ({@link FollowsEdits})
     * are told the new value instead of being read again. Only for edits the commands make exactly so, in order.
     */
    public Plan withEdits(FileEdit... more) {
        if (!changes()) {
            throw new IllegalStateException("a plan that changes nothing edits nothing");
        }
        List<FileEdit> all = new java.util.ArrayList<>(edits);
        all.addAll(List.of(more));
        return new Plan(uploads, commands, noChangeReason, downloads, created, all);
    }

    public boolean changes() {
        return !commands.isEmpty() || !uploads.isEmpty() || !downloads.isEmpty();
    }
}
