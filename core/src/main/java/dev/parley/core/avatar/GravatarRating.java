package dev.parley.core.avatar;

/**
 * The most explicit rating of picture a page shows: Gravatar's {@code r} parameter.
 */
public enum GravatarRating {
    /** Suitable for any audience (Gravatar's default). */
    G,
    /** May contain rude gestures, provocative dress, lesser swear words or mild violence. */
    PG,
    /** May contain harsh profanity, intense violence, nudity or hard drug use. */
    R,
    /** May contain sexual imagery or extremely disturbing violence. */
    X;

    /**
     * Returns the value of Gravatar's {@code r} parameter.
     *
     * @return the parameter value, in lower case
     */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
