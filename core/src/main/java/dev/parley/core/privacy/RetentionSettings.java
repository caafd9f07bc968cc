package dev.parley.core.privacy;

import dev.parley.storage.CommentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long {@link Retention} keeps what it forgets, and how much it does per batch. Immutable and thread-safe.
 *
 * <p>The default keeps IP addresses and User-Agents for {@value #DEFAULT_DAYS} days. WordPress keeps them
 * forever; Parley needs them only while they can still serve: the duplicate and flood checks look back minutes,
 * a spam checker is asked when the comment arrives, and a moderator answering an abuse report or tracing a wave
 * of spam does so within days or weeks. Thirty days covers a monthly review cycle, and keeping them no longer
 * than that is what the GDPR's storage limitation asks. Spam is kept {@value #DEFAULT_DAYS} days too: long
 * enough for a moderator to find and restore a comment wrongly judged spam.
 *
 * @param clientData how long a comment keeps its IP address and User-Agent, at least a minute
 * @param spam how long a comment judged spam is kept, at least a minute
 * @param batchSize the most comments one batch changes, 1 to {@value CommentStore#MAX_BATCH}
 */
public record RetentionSettings(Duration clientData, Duration spam, int batchSize) {

    /** The default retention of client data and spam, in days. */
    public static final int DEFAULT_DAYS = 30;

    /** The default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    /** {@value #DEFAULT_DAYS} days for both, batches of {@value #DEFAULT_BATCH_SIZE}. */
    public static final RetentionSettings DEFAULTS = new RetentionSettings(
            Duration.ofDays(DEFAULT_DAYS), Duration.ofDays(DEFAULT_DAYS), DEFAULT_BATCH_SIZE);

    /**
     * Checks every component.
     *
     * @throws NullPointerException if a duration is null
     * @throws IllegalArgumentException naming every component out of range
     */
    public RetentionSettings {
        Objects.requireNonNull(clientData, "clientData must not be null");
        Objects.requireNonNull(spam, "spam must not be null");
        List<String> problems = new ArrayList<>();
        if (clientData.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add("clientData must be at least a minute, was " + clientData);
        }
        if (spam.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add("spam must be at least a minute, was " + spam);
        }
        if (batchSize < 1 || batchSize > CommentStore.MAX_BATCH) {
            problems.add("batchSize must be 1 to " + CommentStore.MAX_BATCH + ", was " + batchSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * Returns a copy with another client data retention.
     *
     * @param retention how long client data is kept
     * @return the copy
     */
    public RetentionSettings withClientData(Duration retention) {
        return new RetentionSettings(retention, spam, batchSize);
    }

    /**
     * Returns a copy with another spam retention.
     *
     * @param retention how long spam is kept
     * @return the copy
     */
    public RetentionSettings withSpam(Duration retention) {
        return new RetentionSettings(clientData, retention, batchSize);
    }

    /**
     * Returns a copy with another batch size.
     *
     * @param size the most comments a batch changes
     * @return the copy
     */
    public RetentionSettings withBatchSize(int size) {
        return new RetentionSettings(clientData, spam, size);
    }
}
