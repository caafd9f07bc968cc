package dev.parley.migrate.backup;

import dev.parley.migrate.internal.KeyTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of 128-bit hashes of strings, each numbered in the order it was first added, held in two {@code long}
 * arrays and an open-addressing table of {@code int}s: 16 bytes per key, plus 4 bytes per table slot, with the
 * table at most half full. A backup's millions of ids are checked for repeats without holding their strings.
 *
 * <p>The hash is the first 128 bits of SHA-256: two different strings share one with a chance near 2<sup>-128
 * </sup> per pair, far below that of a disk error, so equal hashes are taken for equal strings.
 *
 * <p>Not thread-safe: one per restore pass.
 */
final class HashedKeys {

    private final MessageDigest sha256;
    private final KeyTable table = new KeyTable();
    /** The last hash made by {@link #hash}. */
    private long lastHi;
    private long lastLo;

    HashedKeys() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Hashes strings joined by a NUL character; read the hash with {@link #hi()} and {@link #lo()}.
     *
     * @param parts the strings
     */
    void hash(String... parts) {
        sha256.reset();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sha256.update((byte) 0);
            }
            sha256.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        byte[] digest = sha256.digest();
        lastHi = toLong(digest, 0);
        lastLo = toLong(digest, 8);
    }

    long hi() {
        return lastHi;
    }

    long lo() {
        return lastLo;
    }

    /**
     * Adds the last hash made.
     *
     * @return its number, from 0 in the order added, or -1 if it was there already
     */
    int addLast() {
        return table.add(lastHi, lastLo);
    }

    /**
     * Finds a hash.
     *
     * @param keyHi its high 64 bits
     * @param keyLo its low 64 bits
     * @return its number, or -1 if it was never added
     */
    int find(long keyHi, long keyLo) {
        return table.find(keyHi, keyLo);
    }

    long keyHi(int index) {
        return table.keyHi(index);
    }

    long keyLo(int index) {
        return table.keyLo(index);
    }

    int size() {
        return table.size();
    }

    private static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
