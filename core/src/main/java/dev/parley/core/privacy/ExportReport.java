package dev.parley.core.privacy;

/**
 * What {@link PrivacyTools#export} wrote. Immutable and thread-safe.
 *
 * @param comments the comments written
 * @param linkbacks the linkbacks written
 * @param subscriptions whether the subscriptions kept for the address were written (false when the tools have
 *     no {@link dev.parley.storage.subscriptions.Subscriptions})
 */
public record ExportReport(int comments, int linkbacks, boolean subscriptions) {
}
