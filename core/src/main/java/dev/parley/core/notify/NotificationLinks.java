package dev.parley.core.notify;

import dev.parley.storage.Comment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the links in a notification point: the host's pages that take a signed token, and a comment's
 * permalink. Each method returns an absolute {@code https} (or {@code http}) URL; tokens are URL-safe
 * already (base64url and dots).
 *
 * <p>Implementations are thread-safe.
 */
public interface NotificationLinks {

    /**
     * The page that confirms an address (double opt-in): GET shows a button, POST confirms.
     *
     * @param token the signed confirmation token
     * @return the URL
     */
    String confirm(String token);

    /**
     * The page that unsubscribes: GET shows a button, POST unsubscribes, and an RFC 8058 one-click POST works
     * without a form (it is the {@code List-Unsubscribe} target).
     *
     * @param token the signed unsubscribe token (one thread or everything)
     * @return the URL
     */
    String unsubscribe(String token);

    /**
     * The page that applies a moderator's one-time link (approve, spam or delete).
     *
     * @param token the signed moderation token
     * @return the URL
     */
    String moderate(String token);

    /**
     * A comment's permalink on the post it belongs to.
     *
     * @param comment the comment
     * @return the URL
     */
    String comment(Comment comment);

    /**
     * Links under one base URL: {@code base + "notify/confirm?token=..."}, {@code "notify/unsubscribe?token=..."}
     * and {@code "notify/moderate?token=..."}, and permalinks as {@code permalink} makes them.
     *
     * @param base the site's base URL, ending in {@code /}
     * @param permalink a comment's permalink
     * @return the links; immutable and thread-safe if {@code permalink} is
     * @throws IllegalArgumentException if {@code base} does not end in {@code /} or is not http(s)
     */
    static NotificationLinks under(String base, Function<Comment, String> permalink) {
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(permalink, "permalink must not be null");
        if (!base.endsWith("/") || !(base.startsWith("https://") || base.startsWith("http://"))) {
            throw new IllegalArgumentException("base must be an http(s) URL ending in '/', was \"" + base + "\"");
        }
        return new NotificationLinks() {
            @Override
            public String confirm(String token) {
                return base + "notify/confirm?token=" + query(token);
            }

            @Override
            public String unsubscribe(String token) {
                return base + "notify/unsubscribe?token=" + query(token);
            }

            @Override
            public String moderate(String token) {
                return base + "notify/moderate?token=" + query(token);
            }

            @Override
            public String comment(Comment comment) {
                return permalink.apply(comment);
            }
        };
    }

    private static String query(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
