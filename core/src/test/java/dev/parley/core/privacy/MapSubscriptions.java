package dev.parley.core.privacy;

import dev.parley.storage.Author;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Address;
import dev.parley.storage.subscriptions.AddressState;
import dev.parley.storage.subscriptions.Subscriptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small map-backed {@link Subscriptions} for these tests: the privacy tools read and erase through it. */
final class MapSubscriptions implements Subscriptions {

    private final Map<String, Address> addresses = new LinkedHashMap<>();
    private final Map<CommentId, String> watchers = new LinkedHashMap<>();
    private final Map<String, Set<ThreadKey>> mutes = new LinkedHashMap<>();

    @Override
    public synchronized Address request(String email, Instant at) {
        String key = Author.normalizeEmail(email);
        Address current = addresses.get(key);
        if (current == null || current.state() == AddressState.UNSUBSCRIBED) {
            current = new Address(key, AddressState.UNCONFIRMED, at);
            addresses.put(key, current);
        }
        return current;
    }

    @Override
    public synchronized Optional<Address> confirm(String email, Instant at) {
        String key = Author.normalizeEmail(email);
        Address current = addresses.get(key);
        if (current == null) {
            return Optional.empty();
        }
        if (current.state() == AddressState.UNCONFIRMED) {
            current = new Address(key, AddressState.CONFIRMED, at);
            addresses.put(key, current);
        }
        return Optional.of(current);
    }

    @Override
    public synchronized Optional<Address> find(String email) {
        return Optional.ofNullable(addresses.get(Author.normalizeEmail(email)));
    }

    @Override
    public synchronized Address unsubscribeAll(String email, Instant at) {
        String key = Author.normalizeEmail(email);
        Address address = new Address(key, AddressState.UNSUBSCRIBED, at);
        addresses.put(key, address);
        return address;
    }

    @Override
    public synchronized void watch(String email, CommentId comment, ThreadKey thread, Instant at) {
        watchers.put(comment, Author.normalizeEmail(email));
    }

    @Override
    public synchronized Optional<String> watcher(CommentId comment) {
        return Optional.ofNullable(watchers.get(comment));
    }

    @Override
    public synchronized void mute(String email, ThreadKey thread, Instant at) {
        mutes.computeIfAbsent(Author.normalizeEmail(email), e -> new LinkedHashSet<>()).add(thread);
    }

    @Override
    public synchronized boolean isMuted(String email, ThreadKey thread) {
        return mutes.getOrDefault(Author.normalizeEmail(email), Set.of()).contains(thread);
    }

    @Override
    public synchronized Record export(String email) {
        String key = Author.normalizeEmail(email);
        List<CommentId> watched = new ArrayList<>();
        watchers.forEach((comment, watcher) -> {
            if (watcher.equals(key)) {
                watched.add(comment);
            }
        });
        return new Record(addresses.get(key), watched, List.copyOf(mutes.getOrDefault(key, Set.of())));
    }

    @Override
    public synchronized int erase(String email) {
        String key = Author.normalizeEmail(email);
        int removed = addresses.remove(key) == null ? 0 : 1;
        int before = watchers.size();
        watchers.values().removeIf(key::equals);
        removed += before - watchers.size();
        Set<ThreadKey> muted = mutes.remove(key);
        return removed + (muted == null ? 0 : muted.size());
    }
}
