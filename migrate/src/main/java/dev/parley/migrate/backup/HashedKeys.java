package dev.parley.migrate.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

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

    private static final int NONE = -1;
    private static final int INITIAL = 1_024;

    private final MessageDigest sha256;
    private long[] hi = new long[INITIAL];
    private long[] lo = new long[INITIAL];
    private int[] slots = newSlots(INITIAL * 2);
    private int size;
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
        if (find(lastHi, lastLo) != NONE) {
            return NONE;
        }
        if (size == hi.length) {
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
        }
        hi[size] = lastHi;
        lo[size] = lastLo;
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        place(size);
        return size++;
    }

    /**
     * Finds a hash.
     *
     * @param keyHi its high 64 bits
     * @param keyLo its low 64 bits
     * @return its number, or -1 if it was never added
     */
    int find(long keyHi, long keyLo) {
        int mask = slots.length - 1;
        int slot = mix(keyHi, keyLo) & mask;
        while (true) {
            int index = slots[slot];
            if (index == NONE) {
                return NONE;
            }
            if (hi[index] == keyHi && lo[index] == keyLo) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    long keyHi(int index) {
        return hi[index];
    }

    long keyLo(int index) {
        return lo[index];
    }

    int size() {
        return size;
    }

    private void rehash(int capacity) {
        slots = newSlots(capacity);
        for (int index = 0; index < size; index++) {
            place(index);
        }
    }

    private void place(int index) {
        int mask = slots.length - 1;
        int slot = mix(hi[index], lo[index]) & mask;
        while (slots[slot] != NONE) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index;
    }

    private static int[] newSlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, NONE);
        return slots;
    }

    /** The hashes are already uniform; folding them is enough. */
    private static int mix(long keyHi, long keyLo) {
        long folded = keyHi ^ keyLo;
        return (int) (folded ^ (folded >>> 32));
    }

    private static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
