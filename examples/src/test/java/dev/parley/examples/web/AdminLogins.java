package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Logging in to the moderation page over HTTP with a session cookie carried by hand, as a copied cookie is. */
final class AdminLogins {

    private AdminLogins() {
    }

    static HttpResponse<String> login(String base, String password) throws Exception {
        return RunningDemo.postForm(RunningDemo.client(), base + "/admin/login", Map.of("password", password));
    }

    /** Logs in and returns the {@code name=value} of the session cookie. */
    static String session(String base, String password) throws Exception {
        HttpResponse<String> login = login(base, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith(AdminSession.COOKIE + "=");
        return cookie;
    }

    static HttpResponse<String> withCookie(String method, String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.GET();
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the cookie opens the moderation queue (its page has the logout form, the login page has not). */
    static boolean loggedIn(String base, String cookie) throws Exception {
        HttpResponse<String> page = withCookie("GET", base + "/admin", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().contains("action=\"/admin/logout\"");
    }

    static void logout(String base, String cookie) throws Exception {
        assertThat(withCookie("POST", base + "/admin/logout", cookie).statusCode()).isEqualTo(303);
    }
}
