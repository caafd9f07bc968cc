package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Linkback;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a linkback's source says about itself beyond its title and text, as its microformats2 h-entry gives
 * it: the kind of response, the entry's permalink, when it was published (with the offset the page gave),
 * and its author's home page and photo. Everything but the type is optional.
 *
 * <h2>Storage</h2>
 * The engine stores these with the linkback in the comment's {@link Comment#attributes() attributes}, under
 * keys it reserves: {@value #TYPE_KEY}, {@value #URL_KEY}, {@value #PUBLISHED_KEY} (ISO 8601 with its
 * offset, e.g. {@code 2024-06-01T10:15:00+05:30}), {@value #AUTHOR_URL_KEY} and {@value #AUTHOR_PHOTO_KEY}.
 * So every store that passes the storage TCK keeps them without a schema change, and an export carries
 * them. A linkback recorded with {@link #none()} carries no such key. A host should leave keys starting with {@value #KEY_PREFIX} to the engine. {@link #of(Comment)} reads
 * them back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the kind of response; {@link LinkbackType#MENTION} when nothing more is known
 * @param url the source entry's permalink ({@code u-url}), or null
 * @param published when the source entry says it was published, with its offset, or null
 * @param authorUrl the author's home page, or null
 * @param authorPhoto the author's photo, or null
 */
public record LinkbackDetails(
        LinkbackType type,
        @Nullable String url,
        @Nullable OffsetDateTime published,
        @Nullable String authorUrl,
        @Nullable String authorPhoto) {

    /** The longest URL kept, the limit of a linkback's source URL. */
    public static final int MAX_URL_LENGTH = Linkback.MAX_SOURCE_URL_LENGTH;
    /** The prefix of every attribute key the engine reserves for linkbacks. */
    public static final String KEY_PREFIX = "parley.linkback.";
    /** The attribute key of {@link #type()}. */
    public static final String TYPE_KEY = KEY_PREFIX + "type";
    /** The attribute key of {@link #url()}. */
    public static final String URL_KEY = KEY_PREFIX + "url";
    /** The attribute key of {@link #published()}. */
    public static final String PUBLISHED_KEY = KEY_PREFIX + "published";
    /** The attribute key of {@link #authorUrl()}. */
    public static final String AUTHOR_URL_KEY = KEY_PREFIX + "author.url";
    /** The attribute key of {@link #authorPhoto()}. */
    public static final String AUTHOR_PHOTO_KEY = KEY_PREFIX + "author.photo";

    private static final LinkbackDetails NONE = new LinkbackDetails(LinkbackType.MENTION, null, null, null, null);

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException naming the component, if a URL is not an absolute http(s) URL with a
     *     host, free of spaces, controls, quotes and angle brackets, of at most {@value #MAX_URL_LENGTH}
     *     characters
     */
    public LinkbackDetails {
        Objects.requireNonNull(type, "type must not be null");
        checkUrl(url, "url");
        checkUrl(authorUrl, "author url");
        checkUrl(authorPhoto, "author photo");
    }

    /**
     * Returns the details of a linkback about which nothing more is known: a mention, every other value null.
     *
     * @return the empty details
     */
    public static LinkbackDetails none() {
        return NONE;
    }

    /**
     * Details from what a remote page claimed, keeping each URL only if it meets this record's rules and dropping
     * the others: for a host that records a linkback whose optional author links are odd (a host name with
     * {@code _}, a {@code |} in a photo URL) rather than refuse the linkback.
     *
     * @param type the post type
     * @param url the entry's own URL, or null
     * @param published when it was published, or null
     * @param authorUrl the author's home page, or null
     * @param authorPhoto the author's photo, or null
     * @return the details with the acceptable URLs
     * @throws NullPointerException if {@code type} is null
     */
    public static LinkbackDetails lenient(LinkbackType type, @Nullable String url, @Nullable OffsetDateTime published,
            @Nullable String authorUrl, @Nullable String authorPhoto) {
        return new LinkbackDetails(type, validUrl(url), published, validUrl(authorUrl), validUrl(authorPhoto));
    }

    /**
     * Reads the details the engine stored with a linkback. Values that are missing, or that do not meet this
     * record's rules (an attribute written by someone else), read as absent; a comment that is not a linkback,
     * or was stored before the engine kept details, gives {@link #none()}.
     *
     * @param comment a stored comment
     * @return its details, never null
     * @throws NullPointerException if {@code comment} is null
     */
    public static LinkbackDetails of(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        Map<String, String> attributes = comment.attributes();
        if (comment.linkback() == null || attributes.isEmpty()) {
            return NONE;
        }
        String typeId = attributes.get(TYPE_KEY);
        LinkbackType type = typeId == null ? LinkbackType.MENTION
                : LinkbackType.ofId(typeId).orElse(LinkbackType.MENTION);
        return new LinkbackDetails(type, validUrl(attributes.get(URL_KEY)), published(attributes.get(PUBLISHED_KEY)),
                validUrl(attributes.get(AUTHOR_URL_KEY)), validUrl(attributes.get(AUTHOR_PHOTO_KEY)));
    }

    /**
     * Returns {@code attributes} with this record's keys written and every other reserved key removed; the
     * host's own keys are kept. {@link #none()} writes nothing, so a linkback without details carries no
     * reserved key at all.
     */
    Map<String, String> writeTo(Map<String, String> attributes) {
        Map<String, String> result = new HashMap<>();
        attributes.forEach((key, value) -> {
            if (!key.startsWith(KEY_PREFIX)) {
                result.put(key, value);
            }
        });
        if (equals(NONE)) {
            return result;
        }
        result.put(TYPE_KEY, type.id());
        putIfPresent(result, URL_KEY, url);
        putIfPresent(result, PUBLISHED_KEY, published == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published));
        putIfPresent(result, AUTHOR_URL_KEY, authorUrl);
        putIfPresent(result, AUTHOR_PHOTO_KEY, authorPhoto);
        return result;
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static @Nullable OffsetDateTime published(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String validUrl(@Nullable String value) {
        return value != null && problem(value) == null ? value : null;
    }

    private static void checkUrl(@Nullable String value, String name) {
        String problem = value == null ? null : problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(name + " " + problem);
        }
    }

    private static @Nullable String problem(String value) {
        if (value.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters, was " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '<' || c == '>') {
                return "must not contain quotes or angle brackets";
            }
        }
        return HttpUrls.isAbsoluteHttp(value) ? null : "must be an absolute http or https URL with a host";
    }
}
