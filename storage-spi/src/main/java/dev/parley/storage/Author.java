package dev.parley.storage;

/**
 * Who wrote a comment, as stored.
 *
 * <p>{@code email}, {@code ip} and {@code userAgent} are private: Parley never writes them into public output.
 * Every component but {@code name} is optional and is {@code null} when absent; a present value is never
 * blank. The limits here are storage limits; the engine applies its own, usually tighter, validation before
 * a comment reaches a store.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the display name, 1 to {@value #MAX_NAME_LENGTH} characters
 * @param email the e-mail address, or null; at most {@value #MAX_EMAIL_LENGTH} characters
 * @param url the author's web site, or null; at most {@value #MAX_URL_LENGTH} characters
 * @param userId the host's id of an authenticated user, or null; at most {@value #MAX_USER_ID_LENGTH}
 *     characters
 * @param ip the client address the comment came from, or null; at most {@value #MAX_IP_LENGTH} characters
 * @param userAgent the client's User-Agent header, or null; at most {@value #MAX_USER_AGENT_LENGTH}
 *     characters
 */
public record Author(String name, String email, String url, String userId, String ip, String userAgent) {

    /** The longest name stored (WordPress's limit). */
    public static final int MAX_NAME_LENGTH = 245;
    /** The longest e-mail address stored. */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** The longest author URL stored. */
    public static final int MAX_URL_LENGTH = 2048;
    /** The longest user id stored. */
    public static final int MAX_USER_ID_LENGTH = 255;
    /** The longest IP address text stored (an IPv6 address with an IPv4 tail and a zone fits). */
    public static final int MAX_IP_LENGTH = 64;
    /** The longest User-Agent stored. */
    public static final int MAX_USER_AGENT_LENGTH = 1024;

    /**
     * Checks every component.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException naming the component, if one is blank or too long
     */
    public Author {
        Check.text(name, "author name", MAX_NAME_LENGTH);
        Check.optionalText(email, "author email", MAX_EMAIL_LENGTH);
        Check.optionalText(url, "author url", MAX_URL_LENGTH);
        Check.optionalText(userId, "author user id", MAX_USER_ID_LENGTH);
        Check.optionalText(ip, "author ip", MAX_IP_LENGTH);
        Check.optionalText(userAgent, "author user agent", MAX_USER_AGENT_LENGTH);
    }

    /**
     * Returns an author with a name only.
     *
     * @param name the display name
     * @return the author
     */
    public static Author named(String name) {
        return new Author(name, null, null, null, null, null);
    }

    /**
     * Returns a copy with the given e-mail address.
     *
     * @param email the address, or null for none
     * @return the copy
     */
    public Author withEmail(String email) {
        return new Author(name, email, url, userId, ip, userAgent);
    }

    /**
     * Returns a copy with the given web site.
     *
     * @param url the site, or null for none
     * @return the copy
     */
    public Author withUrl(String url) {
        return new Author(name, email, url, userId, ip, userAgent);
    }

    /**
     * Returns a copy with the given authenticated user id.
     *
     * @param userId the host's user id, or null for none
     * @return the copy
     */
    public Author withUserId(String userId) {
        return new Author(name, email, url, userId, ip, userAgent);
    }

    /**
     * Returns a copy with the given client details.
     *
     * @param ip the client address, or null
     * @param userAgent the User-Agent, or null
     * @return the copy
     */
    public Author withClient(String ip, String userAgent) {
        return new Author(name, email, url, userId, ip, userAgent);
    }

    /**
     * Returns the form in which stores compare e-mail addresses ({@link CommentStore#byEmail}): trimmed and
     * lower-cased in the root locale, so {@code " Ann@Example.ORG"} and {@code "ann@example.org"} are one
     * address.
     *
     * @param email an address
     * @return the normalized address
     * @throws IllegalArgumentException if it is blank
     */
    public static String normalizeEmail(String email) {
        java.util.Objects.requireNonNull(email, "email must not be null");
        String normalized = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("email must not be blank");
        }
        return normalized;
    }
}
