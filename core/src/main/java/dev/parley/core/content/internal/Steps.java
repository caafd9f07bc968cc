package dev.parley.core.content.internal;

/**
 * Counts the steps one rendering takes: nodes visited, siblings and ancestors looked at, nodes moved. Tests
 * read it to check that the work grows linearly with the input, whatever its nesting, without timing
 * anything. Not thread-safe: one per rendering.
 */
final class Steps {

    private long count;

    /** Adds {@code steps} steps. */
    void add(int steps) {
        count += steps;
    }

    /** Returns the steps counted so far. */
    long count() {
        return count;
    }
}
