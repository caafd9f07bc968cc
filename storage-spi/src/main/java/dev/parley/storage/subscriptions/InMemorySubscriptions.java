package dev.parley.storage.subscriptions;

import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Subscriptions} of one JVM: every address, watch and mute in memory, behind one lock.
 *
 * <p>For tests, demos and single-instance hosts on the in-memory comment store: nothing survives the JVM, and
 * other instances cannot see it. A host running several instances keeps subscriptions in its database
 * ({@code JdbcSubscriptions}).
 *
 * <p>Indexed like a database: addresses by normalized e-mail, watches by comment and by address, mutes by
 * address, so every method costs what it touches, not what is stored.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads: every method checks its arguments first, then holds
 * the lock for its whole run, so each is atomic and misuse changes nothing. Nothing mutable crosses the
 * boundary: {@link Address} and {@link Subscriptions.Record} are immutable.
 */
public final class InMemorySubscriptions implements Subscriptions {

    private final Object lock = new Object();
    /** By normalized address. Guarded by the lock. */
    private final Map<String, Address> addresses = new HashMap<>();
    /** By watched comment: one watcher each. Guarded by the lock. */
    private final Map<CommentId, Watch> watches = new HashMap<>();
    /** Each address's watched comments with the watch time. Guarded by the lock. */
    private final Map<String, Map<CommentId, Instant>> watchedBy = new HashMap<>();
    /** Each address's muted threads with the mute time. Guarded by the lock. */
    private final Map<String, Map<ThreadKey, Instant>> mutedBy = new HashMap<>();

    /** Creates an empty instance. */
    public InMemorySubscriptions() {
    }

    @Override
    public Address request(String email, Instant at) {
        String key = SubscriptionChecks.email(email);
        Instant time = SubscriptionChecks.time(at);
        synchronized (lock) {
            Address stored = addresses.get(key);
            if (stored == null || stored.state() == AddressState.UNSUBSCRIBED) {
                stored = new Address(key, AddressState.UNCONFIRMED, time);
                addresses.put(key, stored);
            }
            return stored;
        }
    }

    @Override
    public Optional<Address> confirm(String email, Instant at) {
        String key = SubscriptionChecks.email(email);
        Instant time = SubscriptionChecks.time(at);
        synchronized (lock) {
            Address stored = addresses.get(key);
            if (stored != null && stored.state() == AddressState.UNCONFIRMED) {
                stored = new Address(key, AddressState.CONFIRMED, time);
                addresses.put(key, stored);
            }
            return Optional.ofNullable(stored);
        }
    }

    @Override
    public Optional<Address> find(String email) {
        String key = SubscriptionChecks.email(email);
        synchronized (lock) {
            return Optional.ofNullable(addresses.get(key));
        }
    }

    @Override
    public Address unsubscribeAll(String email, Instant at) {
        String key = SubscriptionChecks.email(email);
        Instant time = SubscriptionChecks.time(at);
        synchronized (lock) {
            Address stored = addresses.get(key);
            if (stored == null || stored.state() != AddressState.UNSUBSCRIBED) {
                stored = new Address(key, AddressState.UNSUBSCRIBED, time);
                addresses.put(key, stored);
            }
            return stored;
        }
    }

    @Override
    public void watch(String email, CommentId comment, ThreadKey thread, Instant at) {
        String key = SubscriptionChecks.email(email);
        SubscriptionChecks.comment(comment);
        SubscriptionChecks.thread(thread);
        Instant time = SubscriptionChecks.time(at);
        synchronized (lock) {
            Watch existing = watches.get(comment);
            if (existing != null) {
                if (existing.email().equals(key)) {
                    return;
                }
                removeWatched(existing.email(), comment);
            }
            watches.put(comment, new Watch(key, thread));
            watchedBy.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(comment, time);
        }
    }

    @Override
    public Optional<String> watcher(CommentId comment) {
        SubscriptionChecks.comment(comment);
        synchronized (lock) {
            Watch watch = watches.get(comment);
            return watch == null ? Optional.empty() : Optional.of(watch.email());
        }
    }

    @Override
    public void mute(String email, ThreadKey thread, Instant at) {
        String key = SubscriptionChecks.email(email);
        SubscriptionChecks.thread(thread);
        Instant time = SubscriptionChecks.time(at);
        synchronized (lock) {
            mutedBy.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(thread, time);
        }
    }

    @Override
    public boolean isMuted(String email, ThreadKey thread) {
        String key = SubscriptionChecks.email(email);
        SubscriptionChecks.thread(thread);
        synchronized (lock) {
            return mutedBy.getOrDefault(key, Map.of()).containsKey(thread);
        }
    }

    @Override
    public Record export(String email) {
        String key = SubscriptionChecks.email(email);
        synchronized (lock) {
            return new Record(addresses.get(key),
                    SubscriptionChecks.watchedExportOrder(watchedBy.getOrDefault(key, Map.of())),
                    SubscriptionChecks.mutedExportOrder(mutedBy.getOrDefault(key, Map.of())));
        }
    }

    @Override
    public int erase(String email) {
        String key = SubscriptionChecks.email(email);
        synchronized (lock) {
            int removed = addresses.remove(key) == null ? 0 : 1;
            Map<CommentId, Instant> watched = watchedBy.remove(key);
            if (watched != null) {
                watches.keySet().removeAll(watched.keySet());
                removed += watched.size();
            }
            Map<ThreadKey, Instant> muted = mutedBy.remove(key);
            if (muted != null) {
                removed += muted.size();
            }
            return removed;
        }
    }

    /** Drops {@code comment} from the index of {@code email}'s watches. Called with the lock held. */
    private void removeWatched(String email, CommentId comment) {
        Map<CommentId, Instant> watched = watchedBy.get(email);
        if (watched != null) {
            watched.remove(comment);
            if (watched.isEmpty()) {
                watchedBy.remove(email);
            }
        }
    }

    /** Who watches a comment, and the comment's thread. */
    private record Watch(String email, ThreadKey thread) {

        Watch {
            Objects.requireNonNull(email, "email must not be null");
            Objects.requireNonNull(thread, "thread must not be null");
        }
    }
}
