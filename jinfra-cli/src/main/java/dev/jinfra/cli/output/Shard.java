package dev.jinfra.cli.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One part of a run split over several controllers: {@code --shard 2/4} is the second of four parts. Which
 * part a host belongs to depends on its name alone (the first 8 bytes of the SHA-256 of the name, modulo the
 * number of parts), never on its position in the inventory or on the other hosts: adding hosts to the inventory
 * moves no host to another part, and every controller, each on its own copy of the inventory, agrees on the
 * partition. Parts are numbered from 1 to {@code count}, as people count them; Kubernetes' {@code
 * JOB_COMPLETION_INDEX}, which counts from 0, is {@code index - 1}.
 *
 * @param index which part, from 1 to {@code count}
 * @param count how many parts the run is split into
 */
public record Shard(int index, int count) {
    /** More parts than this would be more controllers than any fleet needs: a typo, most likely. */
    public static final int MAX_COUNT = 10_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " out of range");
        }
    }

    /**
     * {@code I/N} as written after {@code --shard}.
     *
     * @throws IllegalArgumentException with a message for people when the text is not a shard
     */
    public static Shard parse(String text) {
        String usage = "--shard takes I/N with I from 1 to N (the first of four is 1/4), not '" + text + "'";
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(usage);
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(text.substring(0, slash).strip());
            count = Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("--shard: N must be from 1 to " + MAX_COUNT + ", not " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(usage);
        }
        return new Shard(index, count);
    }

    /** Whether the host of this name is in this part. */
    public boolean contains(String hostName) {
        return of(hostName, count) == index;
    }

    /** The part, from 1 to {@code count}, that the host of this name belongs to. */
    public static int of(String hostName, int count) {
        byte[] hash = sha256().digest(hostName.getBytes(StandardCharsets.UTF_8));
        long first8 = 0;
        for (int i = 0; i < 8; i++) {
            first8 = (first8 << 8) | (hash[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first8, count) + 1;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
