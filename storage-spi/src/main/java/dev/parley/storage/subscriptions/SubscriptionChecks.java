package dev.parley.storage.subscriptions;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * For {@link Subscriptions} implementations: the argument checks and the export order, so that every
 * implementation refuses misuse with the same exceptions and messages and lists an export alike.
 *
 * <p>Thread-safe: stateless.
 */
public final class SubscriptionChecks {

    private SubscriptionChecks() {
    }

    /**
     * Checks an address and returns it normalized ({@link Author#normalizeEmail}), the form every
     * implementation keys it by.
     *
     * @param email the address as given
     * @return the normalized address: 1 to {@link Author#MAX_EMAIL_LENGTH} characters, without control
     *     characters or unpaired surrogates
     * @throws NullPointerException if {@code email} is null
     * @throws IllegalArgumentException if it is blank, or normalized is longer than
     *     {@link Author#MAX_EMAIL_LENGTH} characters or holds a control character or an unpaired surrogate
     */
    public static String email(String email) {
        String normalized = Author.normalizeEmail(email);
        if (normalized.length() > Author.MAX_EMAIL_LENGTH) {
            throw new IllegalArgumentException("email must be at most " + Author.MAX_EMAIL_LENGTH
                    + " characters, was " + normalized.length());
        }
        return wellFormed(normalized, "email");
    }

    /**
     * Checks a time and returns it truncated to microseconds, the precision every implementation keeps.
     *
     * @param at the time
     * @return the time truncated to microseconds
     * @throws NullPointerException if {@code at} is null
     * @throws IllegalArgumentException if it lies outside {@link Comment#EARLIEST} to {@link Comment#LATEST}
     */
    public static Instant time(Instant at) {
        Objects.requireNonNull(at, "time must not be null");
        if (at.isBefore(Comment.EARLIEST) || at.isAfter(Comment.LATEST)) {
            throw new IllegalArgumentException(
                    "time must be between " + Comment.EARLIEST + " and " + Comment.LATEST + ", was " + at);
        }
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Checks a comment id.
     *
     * @param comment the id
     * @return the id
     * @throws NullPointerException if it is null
     */
    public static CommentId comment(CommentId comment) {
        return Objects.requireNonNull(comment, "comment must not be null");
    }

    /**
     * Checks a thread key: {@link ThreadKey} admits unpaired surrogates, which no UTF-8 database column holds, so
     * every implementation refuses them alike.
     *
     * @param thread the key
     * @return the key
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it holds an unpaired surrogate
     */
    public static ThreadKey thread(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        wellFormed(thread.value(), "thread");
        return thread;
    }

    /**
     * Lists watched comments in export order ({@link Subscriptions.Record#watched()}): oldest watch first, ties in
     * id order.
     *
     * @param watched each comment with the time its watch was recorded
     * @return the ids in export order
     */
    public static List<CommentId> watchedExportOrder(Map<CommentId, Instant> watched) {
        return sorted(watched, CommentId::value);
    }

    /**
     * Lists muted threads in export order ({@link Subscriptions.Record#muted()}): oldest mute first, ties in
     * {@link String} order of the key.
     *
     * @param muted each thread with the time it was muted
     * @return the keys in export order
     */
    public static List<ThreadKey> mutedExportOrder(Map<ThreadKey, Instant> muted) {
        return sorted(muted, ThreadKey::value);
    }

    private static <T> List<T> sorted(Map<T, Instant> timed, Function<T, String> text) {
        List<Map.Entry<T, Instant>> entries = new ArrayList<>(timed.entrySet());
        entries.sort(Map.Entry.<T, Instant>comparingByValue()
                .thenComparing(e -> text.apply(e.getKey())));
        List<T> values = new ArrayList<>(entries.size());
        for (Map.Entry<T, Instant> entry : entries) {
            values.add(entry.getKey());
        }
        return List.copyOf(values);
    }

    private static String wellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + " must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must not contain an unpaired surrogate (found U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
        return value;
    }
}
