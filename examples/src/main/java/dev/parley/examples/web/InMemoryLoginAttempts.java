package dev.parley.examples.web;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LoginAttempts} in this JVM's memory, for the in-memory store: forgotten at restart, not shared.
 *
 * <p>Thread-safe: a {@link ConcurrentHashMap} whose atomic operations do each compare-and-set.
 */
public final class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(String key) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public boolean insert(String key, Entry entry) {
        return entries.putIfAbsent(Objects.requireNonNull(key, "key"), Objects.requireNonNull(entry, "entry")) == null;
    }

    @Override
    public boolean replace(String key, long expectedVersion, Entry entry) {
        Objects.requireNonNull(entry, "entry");
        boolean[] replaced = {false};
        entries.computeIfPresent(Objects.requireNonNull(key, "key"), (k, stored) -> {
            if (stored.version() != expectedVersion) {
                return stored;
            }
            replaced[0] = true;
            return entry;
        });
        return replaced[0];
    }

    @Override
    public void delete(String key) {
        entries.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        entries.values().removeIf(entry -> entry.last().isBefore(cutoff));
    }
}
