/**
 * The linkback outbox: per source URL (a post), the targets it links to, the send jobs that tell them, and each
 * send's result, kept by the store so that queued sends survive a restart and several application instances
 * over one database never deliver the same send twice.
 *
 * <p>{@link dev.parley.storage.outbox.LinkbackOutbox} is the SPI; its send jobs live in a
 * {@link dev.parley.storage.jobs.JobQueue} under {@link dev.parley.storage.outbox.LinkbackOutbox#SEND_KIND}, claimed
 * with {@link dev.parley.storage.jobs.JobQueue#claim(String, String, int, java.time.Duration)}.
 * {@link dev.parley.storage.outbox.InMemoryLinkbackOutbox} is the outbox of one JVM; {@code JdbcLinkbackOutbox} in
 * {@code parley-store-jdbc} keeps it in the database beside the job table.
 *
 * <p><b>Nullness.</b> Everything is non-null unless its Javadoc says "or null"; this module states nullness in
 * prose, having no dependencies.
 */
package dev.parley.storage.outbox;
