package dev.parley.storage.subscriptions;

import dev.parley.storage.Author;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who wants reply notifications: the SPI the notifier and the privacy tools keep their state in.
 *
 * <p>Three kinds of facts, all keyed by e-mail address:
 * <ul>
 *   <li><b>Addresses</b> with their {@link AddressState}: an address {@linkplain #request asks}, is
 *       {@linkplain #confirm confirmed} through a signed link (double opt-in), and may
 *       {@linkplain #unsubscribeAll unsubscribe from everything}. Only a confirmed address gets notifications.</li>
 *   <li><b>Watched comments</b>: a commenter who ticked "notify me" {@linkplain #watch watches} their comment;
 *       a reply to it notifies them.</li>
 *   <li><b>Muted threads</b>: one click on a per-thread unsubscribe link {@linkplain #mute mutes} a thread for
 *       the address; its watched comments there notify no more.</li>
 * </ul>
 *
 * <p>Every address argument is compared in the form {@link Author#normalizeEmail} gives; a blank one throws
 * {@link IllegalArgumentException}, as does one that normalized is longer than {@link Author#MAX_EMAIL_LENGTH}
 * characters or holds a control character or an unpaired surrogate (and a thread key holding an unpaired
 * surrogate); a null argument throws {@link NullPointerException}. Misuse changes nothing. Times are the
 * caller's (the engine's clock), kept to the microsecond, between {@link dev.parley.storage.Comment#EARLIEST} and
 * {@link dev.parley.storage.Comment#LATEST}. {@link SubscriptionChecks} holds these checks for implementations.
 * Implementations are thread-safe and every method is atomic; an implementation over a database keeps these
 * rows beside the comments, so several instances agree. Failures are unchecked
 * ({@link dev.parley.storage.StoreException} for a storage failure).
 */
public interface Subscriptions {

    /**
     * Records that an address asked for notifications. An unknown address becomes
     * {@link AddressState#UNCONFIRMED}; an {@link AddressState#UNSUBSCRIBED} one becomes unconfirmed again (it
     * must confirm anew); a confirmed or unconfirmed one is left as it is.
     *
     * @param email the address
     * @param at when it asked
     * @return the address as stored now
     */
    Address request(String email, Instant at);

    /**
     * Confirms an address that asked: {@link AddressState#UNCONFIRMED} becomes {@link AddressState#CONFIRMED}.
     * A confirmed address stays confirmed (a second click on the link is harmless). An unknown or unsubscribed
     * address is not confirmed: it must ask first.
     *
     * @param email the address
     * @param at when it confirmed
     * @return the address as stored now, or empty if it is unknown
     */
    Optional<Address> confirm(String email, Instant at);

    /**
     * Reads an address.
     *
     * @param email the address
     * @return the address, or empty if unknown
     */
    Optional<Address> find(String email);

    /**
     * Unsubscribes an address from everything: it becomes {@link AddressState#UNSUBSCRIBED}, known or not (so
     * a later request starts a new opt-in). Idempotent.
     *
     * @param email the address
     * @param at when
     * @return the address as stored now
     */
    Address unsubscribeAll(String email, Instant at);

    /**
     * Records that the author of a comment, at this address, wants its replies. Idempotent: a second watch of the
     * comment by the same address changes nothing (its first time is kept). A comment has one watcher: a watch by
     * another address replaces the earlier one.
     *
     * @param email the author's address
     * @param comment the watched comment
     * @param thread the comment's thread
     * @param at when
     */
    void watch(String email, CommentId comment, ThreadKey thread, Instant at);

    /**
     * Tells which address watches a comment.
     *
     * @param comment the comment
     * @return the address, or empty if nobody watches it
     */
    Optional<String> watcher(CommentId comment);

    /**
     * Mutes a thread for an address: replies there notify it no more. Idempotent (the first time is kept).
     * Thread keys compare exactly, as {@link ThreadKey} says.
     *
     * @param email the address
     * @param thread the thread
     * @param at when
     */
    void mute(String email, ThreadKey thread, Instant at);

    /**
     * Tells whether an address muted a thread.
     *
     * @param email the address
     * @param thread the thread
     * @return true if muted
     */
    boolean isMuted(String email, ThreadKey thread);

    /**
     * Reads everything kept for an address, for the privacy export.
     *
     * @param email the address
     * @return what is kept; empty lists and no address when nothing is
     */
    Record export(String email);

    /**
     * Forgets an address: its state, its watched comments and its muted threads. Idempotent.
     *
     * @param email the address
     * @return how many rows were removed (the address, watches and mutes together); 0 if none was kept
     */
    int erase(String email);

    /**
     * Everything {@link Subscriptions} keeps for one address. Immutable and thread-safe.
     *
     * @param address the address and its state, or null if none is kept
     * @param watched the comments it watches, oldest watch first, ties in id order
     * @param muted the threads it muted, oldest first, ties in {@link String} order of the key
     */
    record Record(Address address, List<CommentId> watched, List<ThreadKey> muted) {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException if a list is null or holds null
         */
        public Record {
            watched = List.copyOf(watched);
            muted = List.copyOf(muted);
        }
    }
}
