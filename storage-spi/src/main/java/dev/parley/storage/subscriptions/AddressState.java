package dev.parley.storage.subscriptions;

/** Where an e-mail address stands with notifications. */
public enum AddressState {
    /** Asked for notifications; no mail but the confirmation request goes to it until it is confirmed. */
    UNCONFIRMED,
    /** Confirmed through the signed link: notifications may go to it. */
    CONFIRMED,
    /** Unsubscribed from everything: no mail of any kind goes to it until it asks and confirms again. */
    UNSUBSCRIBED
}
