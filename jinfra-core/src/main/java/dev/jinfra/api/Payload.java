package dev.jinfra.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an upload sends: bytes already in memory (a rendered template, a repository file) or a local file, read
 * as it is sent, so that uploading a file of any size costs the same memory. {@link #sha256()}, when known, is
 * checked against the bytes as they are sent: a local file that changed since the run planned from it fails the
 * upload instead of installing something nobody checked.
 */
public interface Payload {
    long size();

    InputStream open() throws IOException;

    /** The SHA-256 (hex) the bytes must have, or null when there is nothing to check against. */
    default String sha256() {
        return null;
    }

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

    /** A local file, streamed when sent; {@code sha256} is what it had when it was read for the plan. */
    static Payload ofFile(Path file, long size, String sha256) {
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
        };
    }
}
