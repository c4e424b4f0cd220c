package org.fengqiao.intelligence.classification;

/**
 * Open-addressing map from non-zero {@code long} keys to {@code int} values.
 *
 * <p>Exists because boxing hundreds of thousands of feature keys into a {@code HashMap} would
 * dominate classification time and memory. Each key is stored next to its value so that a lookup
 * touches one cache line, which matters because vocabularies outgrow the CPU caches. Not
 * thread-safe while being written; safe for concurrent reads once built and safely published.
 */
final class LongIntHashMap {

    private static final long EMPTY = 0L;

    /** Slot s holds its key at {@code 2s} and its value at {@code 2s + 1}. */
    private long[] table;
    private int size;

    LongIntHashMap(int expectedSize) {
        int slots = Integer.highestOneBit(Math.max(4, expectedSize * 2 - 1)) << 1;
        table = new long[slots * 2];
    }

    int size() {
        return size;
    }

    /** Returns the value for {@code key}, or {@code missing} if absent. */
    int get(long key, int missing) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = t[slot << 1];
            if (k == key) {
                return (int) t[(slot << 1) + 1];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    /** Adds {@code delta} to the value for {@code key} (absent keys count as zero). */
    void add(long key, int delta) {
        int slot = findOrInsert(key);
        table[(slot << 1) + 1] += delta;
    }

    /** Associates {@code value} with {@code key}. */
    void put(long key, int value) {
        int slot = findOrInsert(key);
        table[(slot << 1) + 1] = value;
    }

    /** Calls {@code visitor} once per entry, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != EMPTY) {
                visitor.visit(table[i], (int) table[i + 1]);
            }
        }
    }

    @FunctionalInterface
    interface Visitor {
        void visit(long key, int value);
    }

    /** Returns the slot of {@code key}, inserting it with value 0 if absent. */
    private int findOrInsert(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if ((size + 1) * 4 > table.length) {
            grow();
        }
        int mask = (table.length >> 1) - 1;
        int slot = slot(key, mask);
        while (table[slot << 1] != EMPTY && table[slot << 1] != key) {
            slot = (slot + 1) & mask;
        }
        if (table[slot << 1] == EMPTY) {
            table[slot << 1] = key;
            table[(slot << 1) + 1] = 0;
            size++;
        }
        return slot;
    }

    /** Doubles the capacity, keeping the load at most one half. */
    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    @Override
    public String toString() {
        return "LongIntHashMap[size=" + size + ", slots=" + (table.length >> 1) + "]";
    }
}
