package dev.parley.migrate.internal;

import java.util.Arrays;

/**
 * A set of 128-bit keys (halves of a cryptographic hash), each given the index it was added at: open addressing
 * over primitive arrays, so a million keys take about 40 MB, with no object per key. The importer's tree index
 * and the restore's checks keep comments by such keys.
 *
 * <p>Not API. Not thread-safe.
 */
public final class KeyTable {

    private static final int NONE = -1;
    private static final int INITIAL = 1_024;

    private long[] hi = new long[INITIAL];
    private long[] lo = new long[INITIAL];
    private int[] slots = newSlots(INITIAL * 2);
    private int size;

    /**
     * Adds a key.
     *
     * @param keyHi the key's high bits
     * @param keyLo the key's low bits
     * @return its index (the number of keys added before it), or -1 if the table holds it already
     */
    public int add(long keyHi, long keyLo) {
        if (find(keyHi, keyLo) != NONE) {
            return NONE;
        }
        if (size == hi.length) {
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
        }
        hi[size] = keyHi;
        lo[size] = keyLo;
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        place(size);
        return size++;
    }

    /**
     * Finds a key.
     *
     * @param keyHi the key's high bits
     * @param keyLo the key's low bits
     * @return its index, or -1
     */
    public int find(long keyHi, long keyLo) {
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

    /**
     * Returns the high bits of the key at an index.
     *
     * @param index the index
     * @return the high 64 bits
     */
    public long keyHi(int index) {
        return hi[index];
    }

    /**
     * Returns the low bits of the key at an index.
     *
     * @param index the index
     * @return the low 64 bits
     */
    public long keyLo(int index) {
        return lo[index];
    }

    /**
     * Returns how many keys the table holds.
     *
     * @return the size
     */
    public int size() {
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

    /** The keys are cryptographic hashes already: folding their bits spreads them evenly. */
    private static int mix(long keyHi, long keyLo) {
        long folded = keyHi ^ keyLo;
        return (int) (folded ^ (folded >>> 32));
    }
}
