package dev.jinfra.connect;

import dev.jinfra.api.Payload;
import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs commands inside a directory tree with {@code chroot DIR /bin/sh -c …}, for {@code @chroot/PATH} hosts (an
 * image being built, a rescue system). Files go in and out through this machine's file system under DIR, with
 * links resolved as inside the tree ({@link TreePath}). Entering a chroot needs root, and so does this connector.
 */
public final class ChrootConnector implements Connector {
    private final String chrootProgram;

    public ChrootConnector() {
        // Root's PATH has /usr/sbin; a jinfra started through sudo or cron may not.
        this(Files.isExecutable(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot" : "chroot");
    }

    ChrootConnector(String chrootProgram) {
        this.chrootProgram = chrootProgram;
    }

    @Override
    public Connection connect(Host host) throws UnreachableException {
        Path root = Path.of(host.target().where());
        if (!Files.isDirectory(root)) {
            throw new UnreachableException(
                    UnreachableException.Reason.NO_TARGET, "no directory " + root + " to chroot into");
        }
        long uid = uid();
        if (uid != 0) {
            throw new UnreachableException(
                    UnreachableException.Reason.AUTH_FAILED,
                    "chroot needs root, and jinfra runs as uid " + uid + " (run it as root, e.g. with sudo)");
        }
        try {
            if (!Files.isRegularFile(TreePath.resolve(root, "/bin/sh"))) {
                throw new UnreachableException(
                        UnreachableException.Reason.NO_TARGET, "no /bin/sh in " + root + " to run commands with");
            }
        } catch (IOException e) {
            throw new UnreachableException(
                    UnreachableException.Reason.NO_TARGET, "cannot find /bin/sh in " + root + ": " + e.getMessage());
        }
        return new ChrootConnection(host, root, chrootProgram);
    }

    /** The user id this process runs as; -1 when it cannot be told (not Linux). */
    static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    @Override
    public void close() {}

    private record ChrootConnection(Host host, Path root, String chrootProgram, Set<Process> running)
            implements Connection {

        ChrootConnection(Host host, Path root, String chrootProgram) {
            this(host, root, chrootProgram, ConcurrentHashMap.newKeySet());
        }

        @Override
        public CommandResult run(CommandRequest request, OutputListener listener) {
            // chroot's own children: ending the local process tree on a timeout ends the command.
            return LocalProcess.run(
                    List.of(chrootProgram, root.toString(), "/bin/sh", "-c", request.command()),
                    request,
                    listener,
                    new LocalProcess.Hooks() {
                        @Override
                        public void started(Process process) {
                            running.add(process);
                        }

                        @Override
                        public void finished(Process process) {
                            running.remove(process);
                        }
                    });
        }

        /** Written under a temporary name beside the file, private from the start, then renamed over it. */
        @Override
        public void upload(Payload content, String remotePath) {
            Path temp = null;
            try {
                Path target = TreePath.resolve(root, remotePath);
                temp = target.resolveSibling(
                        "." + target.getFileName() + ".jinfra-" + Long.toHexString(System.nanoTime()));
                try (OutputStream out = Files.newOutputStream(
                        Files.createFile(
                                temp,
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        StandardOpenOption.WRITE)) {
                    PayloadStream.copy(content, out, remotePath);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temp = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot upload " + remotePath + " into " + root + ": " + why(e), e);
            } finally {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // The upload's own failure is the one to report.
                    }
                }
            }
        }

        @Override
        public byte[] download(String remotePath) {
            try {
                return Files.readAllBytes(TreePath.resolve(root, remotePath));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot download " + remotePath + " from " + root + ": " + why(e), e);
            }
        }

        /** The JDK's exceptions name the path and the exception's class; the user wants the reason. */
        private static String why(IOException e) {
            return switch (e) {
                case java.nio.file.NoSuchFileException n -> "no such file or directory";
                case java.nio.file.AccessDeniedException a -> "permission denied";
                case java.nio.file.FileAlreadyExistsException f -> "a directory is in the way";
                case java.nio.file.DirectoryNotEmptyException d -> "a directory is in the way";
                case PayloadStream.LocalFileChanged c -> c.getMessage();
                default -> dev.jinfra.problem.Problems.inWords(e);
            };
        }

        /** Commands still running are ended (Ctrl-C closes connections to stop a run). */
        @Override
        public void close() {
            List.copyOf(running).forEach(LocalProcess::end);
        }
    }
}
