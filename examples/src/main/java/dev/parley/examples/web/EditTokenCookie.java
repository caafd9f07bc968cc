package dev.parley.examples.web;

import dev.parley.core.EditToken;
import dev.parley.core.Viewer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the edit tokens of the comments a browser posted in one HttpOnly cookie, so the author sees their
 * own held comment ("awaiting moderation") and may edit or delete it, without an account.
 *
 * <p>The cookie is HttpOnly (no script can read the tokens) and SameSite=Lax. It holds the most recent
 * {@value #MAX_TOKENS} tokens, URL-encoded and joined by {@code |}.
 *
 * <p>The author's edit and delete forms, which act with the cookie, carry a CSRF token as the moderation forms
 * do: {@link #csrfToken} derives it from the comment's edit token (a SHA-256 under a label of its own), so only
 * a page served to the cookie's holder can know it, every instance computes the same one without a shared
 * key, and the form never holds the edit token itself. Thread-safe: stateless.
 */
public final class EditTokenCookie {

    /** The cookie's name. */
    public static final String NAME = "parley_edit";
    /** How many tokens the cookie keeps, newest last. */
    public static final int MAX_TOKENS = 20;

    private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;
    private static final byte[] CSRF_LABEL = "parley own-comment form\0".getBytes(StandardCharsets.US_ASCII);

    private EditTokenCookie() {
    }

    /**
     * The tokens the request's cookie carries; malformed entries are ignored.
     *
     * @param request the request
     * @return the tokens, oldest first
     */
    public static List<EditToken> read(HttpServletRequest request) {
        return read(request.getCookies());
    }

    /**
     * The tokens some cookies carry; malformed entries are ignored.
     *
     * @param cookies a request's cookies, or {@code null} for none
     * @return the tokens, oldest first
     */
    static List<EditToken> read(Cookie @Nullable [] cookies) {
        if (cookies == null) {
            return List.of();
        }
        Set<EditToken> tokens = new LinkedHashSet<>();
        for (Cookie cookie : cookies) {
            if (!NAME.equals(cookie.getName()) || cookie.getValue() == null) {
                continue;
            }
            for (String part : cookie.getValue().split("\\|")) {
                try {
                    String value = URLDecoder.decode(part, StandardCharsets.UTF_8);
                    if (!value.isBlank() && value.length() <= EditToken.MAX_LENGTH && tokens.size() < MAX_TOKENS) {
                        tokens.add(new EditToken(value));
                    }
                } catch (IllegalArgumentException e) {
                    // A tampered or truncated cookie: the entry is simply not a token.
                }
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * The viewer the request stands for: anonymous, plus whatever edit tokens its cookie holds.
     *
     * @param request the request
     * @return the viewer
     */
    public static Viewer viewer(HttpServletRequest request) {
        return viewer(request.getCookies());
    }

    /**
     * The viewer some cookies stand for: anonymous, plus whatever edit tokens they hold.
     *
     * @param cookies a request's cookies, or {@code null} for none
     * @return the viewer
     */
    static Viewer viewer(Cookie @Nullable [] cookies) {
        List<EditToken> tokens = read(cookies);
        return tokens.isEmpty() ? Viewer.anonymous() : Viewer.withTokens(Set.copyOf(tokens));
    }

    /**
     * The CSRF token of the forms that edit or delete the comment an edit token opens.
     *
     * @param token the comment's edit token
     * @return URL-safe text
     */
    public static String csrfToken(EditToken token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(CSRF_LABEL);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(digest.digest(token.value().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether a submitted CSRF token is the one of an edit token, compared in constant time.
     *
     * @param token the comment's edit token
     * @param submitted the form's {@code csrf} field, or {@code null}
     * @return true if it matches
     */
    public static boolean csrfMatches(EditToken token, @Nullable String submitted) {
        return submitted != null && MessageDigest.isEqual(csrfToken(token).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a token to the cookie of the response, dropping the oldest beyond {@value #MAX_TOKENS}.
     *
     * @param request the request, for the tokens already held
     * @param response the response that sets the cookie
     * @param token the new token
     */
    public static void add(HttpServletRequest request, HttpServletResponse response, EditToken token) {
        List<EditToken> tokens = new ArrayList<>(read(request));
        tokens.remove(token);
        tokens.add(token);
        while (tokens.size() > MAX_TOKENS) {
            tokens.remove(0);
        }
        List<String> parts = new ArrayList<>(tokens.size());
        for (EditToken each : tokens) {
            parts.add(URLEncoder.encode(each.value(), StandardCharsets.UTF_8));
        }
        Cookie cookie = new Cookie(NAME, String.join("|", parts));
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(MAX_AGE_SECONDS);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
