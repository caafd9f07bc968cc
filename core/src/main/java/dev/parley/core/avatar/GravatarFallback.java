package dev.parley.core.avatar;

/**
 * What Gravatar shows for a hash with no picture: its {@code d} parameter.
 */
public enum GravatarFallback {
    /** {@code 404}: no image, an HTTP 404, so the page can show its own (such as an {@link Identicon}). */
    NOT_FOUND("404"),
    /** {@code mp}: a grey silhouette, the same for everyone. */
    MYSTERY_PERSON("mp"),
    /** {@code identicon}: a geometric pattern drawn from the hash. */
    IDENTICON("identicon"),
    /** {@code monsterid}: a generated monster. */
    MONSTER_ID("monsterid"),
    /** {@code wavatar}: a generated face. */
    WAVATAR("wavatar"),
    /** {@code retro}: an 8-bit pixel face. */
    RETRO("retro"),
    /** {@code robohash}: a generated robot. */
    ROBOHASH("robohash"),
    /** {@code blank}: a transparent image. */
    BLANK("blank");

    private final String parameter;

    GravatarFallback(String parameter) {
        this.parameter = parameter;
    }

    /**
     * Returns the value of Gravatar's {@code d} parameter.
     *
     * @return the parameter value
     */
    public String parameter() {
        return parameter;
    }
}
