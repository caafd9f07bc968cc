package dev.parley.core.moderation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SpamCheck} that asks Akismet's {@code comment-check} API: a form POST of the comment's fields,
 * answered {@code true} (spam) or {@code false} (ham).
 *
 * <p>Any other answer ({@code invalid} for a bad key, an HTTP error, a timeout) is a failure, handled by the
 * {@link #failureMode()} (fail-open by default: an Akismet outage must not hold every comment). When Akismet
 * adds {@code X-akismet-pro-tip: discard} to a spam answer, the reason says so.
 *
 * <p>Immutable and thread-safe; one instance shares one {@link HttpClient}.
 */
public final class AkismetSpamCheck implements SpamCheck {

    /** Akismet's comment-check endpoint. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://rest.akismet.com/1.1/comment-check");

    private final String apiKey;
    private final String blog;
    private final URI endpoint;
    private final Duration timeout;
    private final FailureMode failureMode;
    private final HttpClient client;

    private AkismetSpamCheck(Builder b) {
        this.apiKey = b.apiKey;
        this.blog = b.blog;
        this.endpoint = b.endpoint;
        this.timeout = b.timeout;
        this.failureMode = b.failureMode;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "akismet";
    }

    @Override
    public FailureMode failureMode() {
        return failureMode;
    }

    @Override
    public SpamCheckResult check(SpamCheckRequest request) throws IOException, InterruptedException {
        Objects.requireNonNull(request, "request must not be null");
        List<String> form = new ArrayList<>();
        add(form, "api_key", apiKey);
        add(form, "blog", blog);
        add(form, "user_ip", request.userIp());
        add(form, "user_agent", request.userAgent());
        add(form, "referrer", request.referrer());
        add(form, "permalink", request.permalink());
        add(form, "comment_type", request.commentType());
        add(form, "comment_author", request.commentAuthor());
        add(form, "comment_author_email", request.commentAuthorEmail());
        add(form, "comment_author_url", request.commentAuthorUrl());
        add(form, "comment_content", request.commentContent());
        add(form, "blog_lang", request.blogLang());
        add(form, "blog_charset", request.blogCharset());
        HttpRequest post = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "Parley/0.1 | Akismet comment-check")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body() == null ? "" : response.body().strip();
        if (response.statusCode() != 200) {
            throw new IOException("akismet answered HTTP " + response.statusCode());
        }
        if (body.equals("true")) {
            boolean discard = response.headers().firstValue("X-akismet-pro-tip")
                    .map(tip -> tip.strip().toLowerCase(Locale.ROOT).equals("discard")).orElse(false);
            return SpamCheckResult.spam(discard ? "akismet says spam, discard" : "akismet says spam");
        }
        if (body.equals("false")) {
            return SpamCheckResult.ham("akismet says ham");
        }
        String help = response.headers().firstValue("X-akismet-debug-help").orElse("");
        throw new IOException("akismet answered \"" + abbreviate(body) + "\"" + (help.isEmpty() ? "" : ": "
                + abbreviate(help)));
    }

    private static void add(List<String> form, String name, @Nullable String value) {
        if (value != null) {
            form.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public String toString() {
        return "AkismetSpamCheck[blog=" + blog + ", endpoint=" + endpoint + ", timeout=" + timeout + ", "
                + failureMode + "]";
    }

    /**
     * Collects the check's configuration; {@link #build()} checks it all at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String apiKey;
        private @Nullable String blog;
        private URI endpoint = DEFAULT_ENDPOINT;
        private Duration timeout = Duration.ofSeconds(3);
        private FailureMode failureMode = FailureMode.FAIL_OPEN;

        private Builder() {
        }

        /**
         * Sets the Akismet API key (required).
         *
         * @param value the key
         * @return this builder
         */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /**
         * Sets the site's front page URL, Akismet's {@code blog} (required).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder blog(String value) {
            blog = value;
            return this;
        }

        /**
         * Sets the endpoint; {@link #DEFAULT_ENDPOINT} otherwise. For tests and proxies.
         *
         * @param value an absolute http(s) URI
         * @return this builder
         */
        public Builder endpoint(URI value) {
            endpoint = value;
            return this;
        }

        /**
         * Sets the connect and request timeout; 3 seconds otherwise.
         *
         * @param value 1 ms to 1 minute
         * @return this builder
         */
        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        /**
         * Sets what a failure does; {@link FailureMode#FAIL_OPEN} otherwise.
         *
         * @param value the failure mode
         * @return this builder
         */
        public Builder failureMode(FailureMode value) {
            failureMode = value;
            return this;
        }

        /**
         * Checks the configuration and builds the check.
         *
         * @return the check
         * @throws IllegalArgumentException naming every missing or bad setting at once
         */
        public AkismetSpamCheck build() {
            List<String> problems = new ArrayList<>();
            if (apiKey == null || apiKey.isBlank()) {
                problems.add("apiKey must be set");
            }
            if (blog == null || blog.isBlank()) {
                problems.add("blog must be set");
            }
            if (endpoint == null || endpoint.getScheme() == null
                    || !(endpoint.getScheme().equals("https") || endpoint.getScheme().equals("http"))
                    || endpoint.getHost() == null) {
                problems.add("endpoint must be an absolute http(s) URI, was " + endpoint);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                problems.add("timeout must be between 1 ms and 1 minute, was " + timeout);
            }
            if (failureMode == null) {
                problems.add("failureMode must not be null");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid Akismet check: " + String.join("; ", problems));
            }
            return new AkismetSpamCheck(this);
        }
    }
}
