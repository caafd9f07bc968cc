package dev.parley.examples.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The moderator's login: the password check, a signed session cookie, and the CSRF token of the session.
 *
 * <p>The password is compared in constant time (both sides hashed, then {@link MessageDigest#isEqual}). The
 * session cookie is {@code <expiry>.<HMAC>}, HttpOnly, SameSite=Strict and scoped to {@code /admin}; nothing
 * about a session is stored server-side. The key is given: on a database it is a stored secret shared by every
 * instance, so a login on one instance is valid on all of them and survives restarts; on the in-memory store
 * it is random per start, and a restart logs the moderator out. The CSRF
 * token is an HMAC of the session cookie, sent in every moderation form and checked on every POST.
 *
 * <p>Thread-safe: immutable ({@link Mac} instances are made per call).
 */
public final class AdminSession {

    /** The session cookie's name. */
    public static final String COOKIE = "parley_admin";
    /** How long a login lasts. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final byte[] passwordHash;
    private final byte[] key;
    private final Clock clock;

    /**
     * Creates the login for one password, with a random key: sessions end with this object.
     *
     * @param password the moderation password
     * @param clock the clock sessions expire by
     */
    public AdminSession(String password, Clock clock) {
        this(password, randomKey(), clock);
    }

    /**
     * Creates the login for one password, signing sessions with {@code key}: every instance given the same key
     * accepts the others' sessions.
     *
     * @param password the moderation password
     * @param key the HMAC key, at least 32 bytes
     * @param clock the clock sessions expire by
     */
    public AdminSession(String password, byte[] key, Clock clock) {
        this.passwordHash = sha256(Objects.requireNonNull(password, "password"));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (Objects.requireNonNull(key, "key").length < 32) {
            throw new IllegalArgumentException("the session key must be at least 32 bytes, was " + key.length);
        }
        this.key = key.clone();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * Whether a typed password is the moderation password, in time independent of where they differ.
     *
     * @param typed the typed password, or {@code null}
     * @return true if it matches
     */
    public boolean passwordMatches(@org.jspecify.annotations.Nullable String typed) {
        return typed != null && MessageDigest.isEqual(passwordHash, sha256(typed));
    }

    /**
     * Starts a session: sets the cookie on the response.
     *
     * @param request the login request
     * @param response the response
     */
    public void start(HttpServletRequest request, HttpServletResponse response) {
        long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
        String value = expiry + "." + mac("session:" + expiry);
        response.addCookie(cookie(request, value, (int) LIFETIME.toSeconds()));
    }

    /**
     * Ends the session: expires the cookie.
     *
     * @param request the request
     * @param response the response
     */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    /**
     * The valid, unexpired session cookie of a request.
     *
     * @param request the request
     * @return the cookie value, or empty if the request is not logged in
     */
    public Optional<String> session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && valid(cookie.getValue())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The CSRF token of a session.
     *
     * @param session the session cookie value
     * @return the token for the session's forms
     */
    public String csrfToken(String session) {
        return mac("csrf:" + session);
    }

    /**
     * Whether a submitted CSRF token belongs to the session, compared in constant time.
     *
     * @param session the session cookie value
     * @param submitted the form's token, or {@code null}
     * @return true if it matches
     */
    public boolean csrfMatches(String session, @org.jspecify.annotations.Nullable String submitted) {
        return submitted != null && MessageDigest.isEqual(csrfToken(session).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    private boolean valid(@org.jspecify.annotations.Nullable String value) {
        if (value == null) {
            return false;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot > 20) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = mac("session:" + expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, value.substring(dot + 1).getBytes(StandardCharsets.UTF_8))
                && clock.instant().getEpochSecond() < expiry;
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setPath("/admin");
        cookie.setMaxAge(maxAge);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
