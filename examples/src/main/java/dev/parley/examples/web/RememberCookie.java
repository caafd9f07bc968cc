package dev.parley.examples.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The "remember me" cookie: a commenter who ticks the box finds name, e-mail and website filled in next time,
 * as WordPress offers. Off by default, since the cookie holds personal data; posting with the box unticked
 * removes it. {@code HttpOnly} (the server fills the form, no script reads it), {@code SameSite=Lax}, a year.
 * Stateless.
 */
final class RememberCookie {

    /** The cookie's name. */
    static final String NAME = "parley_author";

    /** A year, in seconds. */
    static final int MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

    /** Longer values are not from this demo's form (the engine refuses them): the cookie is ignored. */
    private static final int MAX_FIELD = 300;

    private RememberCookie() {
    }

    /**
     * Returns the empty form the request's reader starts with: the remembered details with the box ticked, or
     * an empty form.
     *
     * @param request the request
     * @return a form for a new thread, without text or errors
     */
    static CommentForm blank(HttpServletRequest request) {
        return blank(request.getCookies());
    }

    /**
     * The form every empty form starts with, as some cookies tell.
     *
     * @param cookies a request's cookies, or {@code null} for none
     * @return a form for a new thread, without text or errors
     */
    static CommentForm blank(Cookie @Nullable [] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    CommentForm remembered = decode(cookie.getValue());
                    if (remembered != null) {
                        return remembered;
                    }
                }
            }
        }
        return CommentForm.empty(null);
    }

    /**
     * After a comment was taken: keeps its author details when the box was ticked, else forgets any.
     *
     * @param request the request, for whether the connection is secure and a cookie is held
     * @param response the response that sets or removes the cookie
     * @param form the form as posted
     */
    static void update(HttpServletRequest request, HttpServletResponse response, CommentForm form) {
        String value;
        int maxAge;
        if (form.remember()) {
            String fields = "name=" + URLEncoder.encode(form.name(), StandardCharsets.UTF_8)
                    + "&email=" + URLEncoder.encode(form.email(), StandardCharsets.UTF_8)
                    + "&url=" + URLEncoder.encode(form.url(), StandardCharsets.UTF_8);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
            maxAge = MAX_AGE_SECONDS;
        } else if (blank(request).remember()) {
            value = "";
            maxAge = 0;
        } else {
            return;
        }
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static @Nullable CommentForm decode(String value) {
        String fields;
        try {
            fields = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String name = "";
        String email = "";
        String url = "";
        for (String pair : fields.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String field;
            try {
                field = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (field.length() > MAX_FIELD) {
                return null;
            }
            switch (pair.substring(0, eq)) {
                case "name" -> name = field;
                case "email" -> email = field;
                case "url" -> url = field;
                default -> {
                    return null;
                }
            }
        }
        return new CommentForm(null, name, email, url, "", Map.of(), true);
    }
}
