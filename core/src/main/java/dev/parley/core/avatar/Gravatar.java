package dev.parley.core.avatar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Gravatar image URLs: {@code https://www.gravatar.com/avatar/<sha-256>?s=<size>&d=<fallback>}, plus
 * {@code r=<rating>} when the rating is not Gravatar's default {@code g} and {@code f=y} when the fallback is
 * forced. The hash is {@link AvatarHash#ofEmail(String)}'s: SHA-256 of the trimmed, lower-cased address, as
 * Gravatar's documentation specifies. Showing the URL makes the reader's browser contact Gravatar; a page that
 * wants no third-party request draws an {@link Identicon} instead.
 *
 * <p>Using Gravatar is the host's explicit choice, with a cost to the readers' privacy: the URL carries the
 * unsalted hash of the address, so anyone who sees the page can confirm a guessed address by hashing it, and
 * can look it up in Gravatar's index. Identicons keyed with {@link AvatarKeys} show no such hash.
 *
 * <p>Defaults: 80 pixels (Gravatar's own default), fallback {@link GravatarFallback#MYSTERY_PERSON} (as
 * WordPress), rating {@link GravatarRating#G}. Immutable and thread-safe.
 */
public final class Gravatar {

    /** The smallest size Gravatar serves, in pixels. */
    public static final int MIN_SIZE = 1;
    /** The largest size Gravatar serves, in pixels. */
    public static final int MAX_SIZE = 2048;

    private static final String BASE = "https://www.gravatar.com/avatar/";

    private final int size;
    private final String fallback;
    private final GravatarRating rating;
    private final boolean forceFallback;

    private Gravatar(Builder builder) {
        this.size = builder.size;
        this.fallback = builder.fallbackUrl != null
                ? URLEncoder.encode(builder.fallbackUrl, StandardCharsets.UTF_8)
                : builder.fallback.parameter();
        this.rating = builder.rating;
        this.forceFallback = builder.forceFallback;
    }

    /**
     * Returns a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the image URL for a hash.
     *
     * @param hash the hash, normally {@link AvatarHash#ofEmail(String)}
     * @return the URL, safe to put in an HTML attribute after {@code dev.parley.core.content.Html.escape}
     * @throws NullPointerException if {@code hash} is null
     */
    public String url(AvatarHash hash) {
        Objects.requireNonNull(hash, "hash");
        StringBuilder url = new StringBuilder(BASE.length() + 96).append(BASE).append(hash.hex())
                .append("?s=").append(size).append("&d=").append(fallback);
        if (rating != GravatarRating.G) {
            url.append("&r=").append(rating.parameter());
        }
        if (forceFallback) {
            url.append("&f=y");
        }
        return url.toString();
    }

    /**
     * Returns the image URL for an e-mail address.
     *
     * @param email the address
     * @return the URL
     * @throws NullPointerException if {@code email} is null
     * @throws IllegalArgumentException if {@code email} is blank
     */
    public String url(String email) {
        return url(AvatarHash.ofEmail(email));
    }

    @Override
    public String toString() {
        return "Gravatar[size=" + size + ", fallback=" + fallback + ", rating=" + rating + ", forceFallback="
                + forceFallback + "]";
    }

    /** Settings for {@link Gravatar}. Mutable and not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private int size = 80;
        private GravatarFallback fallback = GravatarFallback.MYSTERY_PERSON;
        private @Nullable String fallbackUrl;
        private GravatarRating rating = GravatarRating.G;
        private boolean forceFallback;

        private Builder() {
        }

        /**
         * Sets the image size in pixels, {@value Gravatar#MIN_SIZE} to {@value Gravatar#MAX_SIZE}; default 80.
         *
         * @param size the width and height
         * @return this builder
         */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /**
         * Sets one of Gravatar's built-in fallbacks, replacing any fallback URL.
         *
         * @param fallback the fallback
         * @return this builder
         * @throws NullPointerException if {@code fallback} is null
         */
        public Builder fallback(GravatarFallback fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            this.fallbackUrl = null;
            return this;
        }

        /**
         * Sets an image of the host's own as the fallback: an absolute, public {@code http} or {@code https}
         * URL (Gravatar fetches it), written URL-encoded into the {@code d} parameter.
         *
         * @param fallbackUrl the image URL
         * @return this builder
         * @throws NullPointerException if {@code fallbackUrl} is null
         */
        public Builder fallbackUrl(String fallbackUrl) {
            this.fallbackUrl = Objects.requireNonNull(fallbackUrl, "fallbackUrl");
            return this;
        }

        /**
         * Sets the most explicit rating shown; default {@link GravatarRating#G}.
         *
         * @param rating the rating
         * @return this builder
         * @throws NullPointerException if {@code rating} is null
         */
        public Builder rating(GravatarRating rating) {
            this.rating = Objects.requireNonNull(rating, "rating");
            return this;
        }

        /**
         * Sets whether the fallback is always shown, even for hashes with a picture; default false.
         *
         * @param forceFallback true to force it
         * @return this builder
         */
        public Builder forceFallback(boolean forceFallback) {
            this.forceFallback = forceFallback;
            return this;
        }

        /**
         * Builds the URL maker.
         *
         * @return the URL maker
         * @throws IllegalArgumentException naming every setting that is out of range
         */
        public Gravatar build() {
            List<String> problems = new ArrayList<>();
            if (size < MIN_SIZE || size > MAX_SIZE) {
                problems.add("size must be " + MIN_SIZE + " to " + MAX_SIZE + ", was " + size);
            }
            if (fallbackUrl != null) {
                String lower = fallbackUrl.toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("https://") || lower.startsWith("http://")) || fallbackUrl.length() <= 8
                        || fallbackUrl.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                    problems.add("fallbackUrl must be an absolute http or https URL, was \"" + fallbackUrl + "\"");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new Gravatar(this);
        }
    }
}
