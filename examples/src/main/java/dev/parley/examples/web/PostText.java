package dev.parley.examples.web;

import dev.parley.examples.Post;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's post format, rendered to HTML: plain text in which links can be written, and nothing else.
 *
 * <ul>
 * <li>An empty line separates paragraphs ({@code <p>}); a single line break stays one ({@code <br>}).</li>
 * <li>{@code [text](https://example.org/page)} is a link with that text. The URL may hold one level of
 *     parentheses ({@code https://en.wikipedia.org/wiki/Pingback_(protocol)}).</li>
 * <li>A bare {@code http://} or {@code https://} URL is a link to itself. It ends at white space, {@code <},
 *     {@code >} or {@code "}; a trailing {@code . , : ; ! ?} or quote, and a {@code )} without its
 *     {@code (}, are read as the sentence's, not the URL's.</li>
 * <li>Everything else is text, escaped. Only http(s) URLs with a host, at most {@value #MAX_URL_LENGTH}
 *     characters, become links; any other scheme ({@code javascript:}, {@code data:}) stays text as typed.</li>
 * </ul>
 *
 * <p>Links are written as typed (escaped for the attribute), so the post's HTML names exactly the URLs the admin
 * wrote: those are the targets its linkbacks go to. Thread-safe: stateless.
 */
public final class PostText {

    /** The longest URL that becomes a link, as Parley's linkback outbox bounds its targets. */
    public static final int MAX_URL_LENGTH = 2_048;

    private static final Pattern LINK = Pattern.compile(
            "\\[([^\\[\\]\\n]{1,500})\\]\\((https?://(?:[^\\s()<>\"]|\\([^\\s()<>\"]*\\))+)\\)"
                    + "|(https?://[^\\s<>\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,:;!?'\u2019\u201d";

    private PostText() {
    }

    /**
     * The post's content as the post page shows it inside its {@code e-content}.
     *
     * @param post the post
     * @return the paragraphs' HTML
     */
    public static String html(Post post) {
        StringBuilder out = new StringBuilder(post.body().length() + 256);
        for (String paragraph : post.paragraphs()) {
            out.append("<p>");
            String[] lines = paragraph.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>");
                }
                inline(out, lines[i].strip());
            }
            out.append("</p>");
        }
        return out.toString();
    }

    /** One line: text escaped, links linked. */
    private static void inline(StringBuilder out, String line) {
        Matcher matcher = LINK.matcher(line);
        int written = 0;
        while (matcher.find()) {
            out.append(Html.escape(line.substring(written, matcher.start())));
            if (matcher.group(1) != null) {
                String url = matcher.group(2);
                if (isLinkable(url)) {
                    link(out, url, matcher.group(1));
                } else {
                    out.append(Html.escape(matcher.group()));
                }
                written = matcher.end();
            } else {
                String url = trimTrailing(matcher.group(3));
                if (isLinkable(url)) {
                    link(out, url, url);
                } else {
                    out.append(Html.escape(url));
                }
                written = matcher.start() + url.length();
                // What was trimmed off is text again, and may itself start no URL: continue after it.
                matcher.region(written, line.length());
            }
        }
        out.append(Html.escape(line.substring(written)));
    }

    private static void link(StringBuilder out, String url, String text) {
        out.append("<a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(text)).append("</a>");
    }

    /** Drops the sentence's punctuation after a bare URL, and closing parentheses it did not open. */
    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0) {
            char last = url.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(url, '(', end) < count(url, ')', end)) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static int count(String text, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isLinkable(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
