package dev.parley.core.privacy;

/**
 * What {@link PrivacyTools#erase} changed. All zero when there was nothing left to erase: erasing twice
 * changes nothing the second time. Immutable and thread-safe.
 *
 * @param anonymized comments kept in place with their author replaced (mode {@link ErasureMode#ANONYMIZE})
 * @param placeholders comments with replies turned into deleted, anonymized placeholders (mode
 *     {@link ErasureMode#DELETE})
 * @param purged comments without replies removed from storage (mode {@link ErasureMode#DELETE})
 * @param subscriptionRows rows of subscriptions removed: the address, its watched comments and muted threads
 */
public record ErasureReport(int anonymized, int placeholders, int purged, int subscriptionRows) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if one is negative
     */
    public ErasureReport {
        if (anonymized < 0 || placeholders < 0 || purged < 0 || subscriptionRows < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Tells whether anything changed.
     *
     * @return true if a comment or a subscription row was changed or removed
     */
    public boolean changedAnything() {
        return anonymized + placeholders + purged + subscriptionRows > 0;
    }
}
