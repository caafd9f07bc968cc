/**
 * E-mail notifications: {@link dev.parley.core.notify.Notifier} turns what happens to comments into jobs on a
 * durable {@link dev.parley.storage.jobs.JobQueue}, and a worker renders them with replaceable
 * {@link dev.parley.core.notify.NotificationTemplates} and hands them to a {@link dev.parley.core.mail.Mailer}.
 *
 * <p>Three kinds of mail: replies to a commenter who asked for them and confirmed the address (double opt-in),
 * new comments and linkbacks to the post's author, and held comments to the moderators with one-time approve,
 * spam and delete links. Every notification carries signed one-click unsubscribe links and the RFC 8058
 * {@code List-Unsubscribe} headers.
 */
@NullMarked
package dev.parley.core.notify;

import org.jspecify.annotations.NullMarked;
