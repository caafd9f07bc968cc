package dev.parley.examples.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The moderator's login: the password check, server-side sessions, and the CSRF token of a session.
 *
 * <p>The password is compared in constant time (both sides hashed, then {@link MessageDigest#isEqual}). A login
 * starts a session whose id is {@value #ID_BYTES} random bytes: the cookie carries the id, the
 * {@link SessionStore} only its SHA-256, beside its expiry and the generation of the password it was started
 * under (a PBKDF2 fingerprint of the password, salted with the key). A session is valid while its row exists,
 * has not expired and names the current password's generation, so logging out (which deletes the row) ends
 * the session everywhere, even for a copied cookie, and so does changing the configured password. On a
 * database the store and the key are shared by every instance, so a session started on one is valid on all of
 * them and survives restarts; on the in-memory store a restart ends every session.
 *
 * <p>The cookie is HttpOnly, SameSite=Strict, scoped to the whole site (the post pages show a moderator the
 * moderation controls), and Secure when the request came over
 * https. The CSRF token is an HMAC of the session id under the key, sent in every moderation form and checked
 * on every POST.
 *
 * <p>Thread-safe, given a thread-safe store ({@link Mac} instances are made per call).
 */
public final class AdminSession {

    /** The session cookie's name. */
    public static final String COOKIE = "parley_admin";
    /** How long a login lasts. */
    public static final Duration LIFETIME = Duration.ofHours(8);
    /** The random bytes of a session id: 256 bits. */
    public static final int ID_BYTES = 32;

    /** PBKDF2 rounds of the password generation's fingerprint, computed once per start. */
    private static final int GENERATION_ROUNDS = 100_000;
    private static final int ID_CHARACTERS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] passwordHash;
    private final byte[] key;
    private final String generation;
    private final SessionStore store;
    private final Clock clock;

    /**
     * Creates the login for one password, with a random key and sessions in memory: sessions end with this
     * object.
     *
     * @param password the moderation password
     * @param clock the clock sessions expire by
     */
    public AdminSession(String password, Clock clock) {
        this(password, randomKey(), new InMemorySessionStore(), clock);
    }

    /**
     * Creates the login for one password, with sessions in {@code store} and CSRF tokens signed with
     * {@code key}: every instance given the same store and key accepts the others' sessions. Sessions started
     * under another password are ended at once.
     *
     * @param password the moderation password
     * @param key the HMAC key, at least 32 bytes
     * @param store where sessions are kept
     * @param clock the clock sessions expire by
     */
    public AdminSession(String password, byte[] key, SessionStore store, Clock clock) {
        this.passwordHash = sha256(Objects.requireNonNull(password, "password"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        if (Objects.requireNonNull(key, "key").length < 32) {
            throw new IllegalArgumentException("the session key must be at least 32 bytes, was " + key.length);
        }
        this.key = key.clone();
        this.generation = generation(password, this.key);
        store.purge(clock.instant(), generation);
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
     * Starts a new session: stores it and sets its cookie on the response.
     *
     * @param request the login request
     * @param response the response
     */
    public void start(HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[ID_BYTES];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        store.purge(now, generation);
        store.create(hex(sha256(id)), new SessionStore.Entry(generation, now, now.plus(LIFETIME)));
        response.addCookie(cookie(request, id, (int) LIFETIME.toSeconds()));
    }

    /**
     * Ends the request's session, if it has one, for every copy of its cookie, and expires the cookie.
     *
     * @param request the request
     * @param response the response
     */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && wellFormed(cookie.getValue())) {
                    store.delete(hex(sha256(cookie.getValue())));
                }
            }
        }
        response.addCookie(cookie(request, "", 0));
        // A cookie from before the session covered the post pages was scoped to /admin: expire that one too.
        Cookie scoped = cookie(request, "", 0);
        scoped.setPath("/admin");
        response.addCookie(scoped);
    }

    /**
     * The id of the request's valid session.
     *
     * @param request the request
     * @return the session id, or empty if the request is not logged in
     */
    public Optional<String> session(HttpServletRequest request) {
        return session(request.getCookies());
    }

    /**
     * The session of an admin page's GET, or a redirect to the login page when there is none.
     *
     * @param request the request
     * @param response where the redirect goes when the request is not logged in
     * @return the session id, or empty once the redirect is written
     */
    public Optional<String> pageSession(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> session = session(request);
        if (session.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/admin/login");
        }
        return session;
    }

    /**
     * The session of an admin form's POST whose CSRF token matches it; otherwise 401 (not logged in) or 403 (a
     * stale form) is written.
     *
     * @param request the request, with its {@code csrf} parameter
     * @param response where the refusal goes
     * @param page the page to reload, named in the 403 message, e.g. {@code "words"}
     * @return the session id, or empty once the refusal is written
     * @throws IOException if writing the refusal fails
     */
    public Optional<String> formSession(HttpServletRequest request, HttpServletResponse response, String page)
            throws IOException {
        Optional<String> session = session(request);
        if (session.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Please log in again at /admin");
            return Optional.empty();
        }
        if (!csrfMatches(session.get(), request.getParameter("csrf"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is stale; reload the " + page + " page");
            return Optional.empty();
        }
        return session;
    }

    /**
     * The id of the valid session some cookies hold.
     *
     * @param cookies a request's cookies, or {@code null} for none
     * @return the session id, or empty if they hold none
     */
    Optional<String> session(Cookie @Nullable [] cookies) {
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

    private boolean valid(@org.jspecify.annotations.Nullable String id) {
        if (!wellFormed(id)) {
            return false;
        }
        Optional<SessionStore.Entry> stored = store.find(hex(sha256(id)));
        return stored.isPresent() && stored.get().expires().isAfter(clock.instant())
                && stored.get().passwordGeneration().equals(generation);
    }

    private static boolean wellFormed(@org.jspecify.annotations.Nullable String id) {
        if (id == null || id.length() != ID_CHARACTERS) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A fingerprint of the password, salted with the key: equal for one password, not reversible cheaply. */
    private static String generation(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, GENERATION_ROUNDS, 256);
            try {
                return hex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        // The whole site: the post pages show a logged-in moderator the moderation controls.
        cookie.setPath("/");
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
