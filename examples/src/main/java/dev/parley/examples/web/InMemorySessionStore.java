package dev.parley.examples.web;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionStore} in this JVM's memory, for the in-memory store: a restart ends every session.
 *
 * <p>Thread-safe: a {@link ConcurrentHashMap}.
 */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(String idHash, Entry entry) {
        sessions.put(Objects.requireNonNull(idHash, "idHash"), Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public Optional<Entry> find(String idHash) {
        return Optional.ofNullable(sessions.get(Objects.requireNonNull(idHash, "idHash")));
    }

    @Override
    public void delete(String idHash) {
        sessions.remove(Objects.requireNonNull(idHash, "idHash"));
    }

    @Override
    public void purge(Instant now, String currentGeneration) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(currentGeneration, "currentGeneration");
        sessions.values().removeIf(entry -> !entry.expires().isAfter(now)
                || !entry.passwordGeneration().equals(currentGeneration));
    }
}
