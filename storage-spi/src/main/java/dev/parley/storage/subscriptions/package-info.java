/**
 * The {@link dev.parley.storage.subscriptions.Subscriptions} SPI: which e-mail addresses asked for reply
 * notifications and confirmed them (double opt-in), which comments their authors want replies to, and who
 * unsubscribed from a thread or from everything. An implementation lives beside the comments
 * ({@code JdbcSubscriptions} in {@code parley-store-jdbc}, or {@code InMemorySubscriptions} in one JVM), so that
 * several application instances over one database agree on every address.
 *
 * <p><b>Nullness.</b> Everything is non-null unless its Javadoc says "or null"; this module states nullness in
 * prose, having no dependencies.
 */
package dev.parley.storage.subscriptions;
