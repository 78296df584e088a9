package dev.jinfra.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What an upload sends: bytes already in memory (a rendered template, a repository file) or a local file, read
 * as it is sent, so that uploading a file of any size costs the same memory. A local file that changed since the
 * run planned from it fails the upload instead of installing something nobody checked ({@link #checkUnchanged()}).
 */
public interface Payload {
    long size();

    InputStream open() throws IOException;

    /** The SHA-256 (hex) of the bytes as planned, or null when not known. */
    default String sha256() {
        return null;
    }

    /**
     * Throws when the content is no longer what the run planned from. Checked before and after sending, so an
     * upload of a file that changed meanwhile installs nothing.
     */
    default void checkUnchanged() throws IOException {}

    static Payload of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Payload() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }
        };
    }

    /**
     * A local file, streamed when sent. {@code size}, {@code modified} (nanoseconds since the epoch) and
     * {@code sha256} are what it had when it was hashed for the plan. Whether it is still that file is told from
     * its size and modification time rather than by hashing it again for every host it is sent to: on a large file
     * sent to many hosts, hashing each copy cost more CPU than the sending itself.
     */
    static Payload ofFile(Path file, long size, long modified, String sha256) {
        return new Payload() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String sha256() {
                return sha256;
            }

            @Override
            public void checkUnchanged() throws IOException {
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                if (now.size() != size || now.lastModifiedTime().to(TimeUnit.NANOSECONDS) != modified) {
                    throw new IOException("the local file " + file + " changed while the run was using it");
                }
            }
        };
    }
}
