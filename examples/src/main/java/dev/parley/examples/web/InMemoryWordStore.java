package dev.parley.examples.web;

import java.util.List;
import java.util.Objects;

/**
 * {@link WordStore} in this JVM's memory, for the in-memory store: forgotten at restart, not shared.
 *
 * <p>Thread-safe: the lists are one immutable value in a volatile field, replaced at once.
 */
public final class InMemoryWordStore implements WordStore {

    private volatile ModerationWords.Lists lists = new ModerationWords.Lists(List.of(), List.of());

    @Override
    public ModerationWords.Lists load() {
        return lists;
    }

    @Override
    public void save(ModerationWords.Lists newLists) {
        lists = Objects.requireNonNull(newLists, "lists");
    }

    @Override
    public String description() {
        return "Kept in memory until the demo stops (the in-memory store keeps nothing).";
    }
}
