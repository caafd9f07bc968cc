/**
 * Durable background work: the {@link dev.parley.storage.jobs.JobQueue} SPI, the records that cross it, and
 * {@link dev.parley.storage.jobs.Backoff} for retry times.
 *
 * <p>Work that happens after a request is answered (verifying a queued Webmention, sending linkbacks,
 * notifications, purges) is a job row in the store, claimed with a lease so that several application instances
 * over one database never run the same job at once, and so that a job survives a restart. A store keeps the
 * queue next to its comments: {@code JdbcJobQueue} in {@code parley-store-jdbc}, or
 * {@link dev.parley.storage.jobs.InMemoryJobQueue} in one JVM.
 *
 * <p><b>Nullness.</b> Everything is non-null unless its Javadoc says "or null"; this module states nullness in
 * prose, having no dependencies.
 */
package dev.parley.storage.jobs;
