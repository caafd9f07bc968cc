package dev.parley.core.notify;

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

/** The smallest Subscriptions the notifier's unit tests need: maps behind one lock. */
final class MapSubscriptions implements Subscriptions {

    private final Map<String, Address> addresses = new LinkedHashMap<>();
    private final Map<CommentId, String> watches = new LinkedHashMap<>();
    private final Set<List<String>> mutes = new LinkedHashSet<>();

    @Override
    public synchronized Address request(String email, Instant at) {
        String key = Author.normalizeEmail(email);
        Address now = addresses.get(key);
        if (now == null || now.state() == AddressState.UNSUBSCRIBED) {
            now = new Address(key, AddressState.UNCONFIRMED, at);
            addresses.put(key, now);
        }
        return now;
    }

    @Override
    public synchronized Optional<Address> confirm(String email, Instant at) {
        String key = Author.normalizeEmail(email);
        Address now = addresses.get(key);
        if (now == null) {
            return Optional.empty();
        }
        if (now.state() == AddressState.UNCONFIRMED) {
            now = new Address(key, AddressState.CONFIRMED, at);
            addresses.put(key, now);
        }
        return Optional.of(now);
    }

    @Override
    public synchronized Optional<Address> find(String email) {
        return Optional.ofNullable(addresses.get(Author.normalizeEmail(email)));
    }

    @Override
    public synchronized Address unsubscribeAll(String email, Instant at) {
        String key = Author.normalizeEmail(email);
        Address now = new Address(key, AddressState.UNSUBSCRIBED, at);
        addresses.put(key, now);
        return now;
    }

    @Override
    public synchronized void watch(String email, CommentId comment, ThreadKey thread, Instant at) {
        watches.put(comment, Author.normalizeEmail(email));
    }

    @Override
    public synchronized Optional<String> watcher(CommentId comment) {
        return Optional.ofNullable(watches.get(comment));
    }

    @Override
    public synchronized void mute(String email, ThreadKey thread, Instant at) {
        mutes.add(List.of(Author.normalizeEmail(email), thread.value()));
    }

    @Override
    public synchronized boolean isMuted(String email, ThreadKey thread) {
        return mutes.contains(List.of(Author.normalizeEmail(email), thread.value()));
    }

    @Override
    public synchronized Record export(String email) {
        String key = Author.normalizeEmail(email);
        List<CommentId> watched = new ArrayList<>();
        watches.forEach((comment, who) -> {
            if (who.equals(key)) {
                watched.add(comment);
            }
        });
        List<ThreadKey> muted = mutes.stream().filter(m -> m.get(0).equals(key)).map(m -> ThreadKey.of(m.get(1)))
                .toList();
        return new Record(addresses.get(key), watched, muted);
    }

    @Override
    public synchronized int erase(String email) {
        String key = Author.normalizeEmail(email);
        int removed = addresses.remove(key) == null ? 0 : 1;
        int before = watches.size() + mutes.size();
        watches.values().removeIf(key::equals);
        mutes.removeIf(m -> m.get(0).equals(key));
        return removed + before - watches.size() - mutes.size();
    }
}
