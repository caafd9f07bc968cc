package dev.parley.core.privacy;

/** How {@link PrivacyTools#erase} treats the comments of an address. */
public enum ErasureMode {
    /**
     * Keeps every comment where it is, so threads keep their shape, and replaces the author's name, e-mail
     * address, web site, user id, IP address and User-Agent (and the text, unless it is kept).
     */
    ANONYMIZE,
    /**
     * Removes the comments: one with replies stays as a deleted placeholder, anonymized and without its text,
     * so the replies keep their place; one without replies is purged from storage.
     */
    DELETE
}
