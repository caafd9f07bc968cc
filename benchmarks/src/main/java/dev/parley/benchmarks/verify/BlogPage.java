package dev.parley.benchmarks.verify;

/**
 * A realistic blog post page of about 100 KB, built deterministically: a head with meta, styles and scripts,
 * navigation and a sidebar full of links, an {@code h-entry} article with an author {@code h-card} whose
 * content links to the target once among many other links, and a comment section of nested {@code h-entry}
 * comments with their own authors and links. It is the source page of the verification benchmarks and the
 * target page of the discovery benchmarks, which choose where it advertises its Webmention endpoint.
 *
 * <p>Stateless; every method may be called from any thread.
 */
public final class BlogPage {

    /** The page's own URL, the base for its relative links. */
    public static final String URL = "https://jane.example/2024/06/re-hello-world/";
    /** The URL the page replies to. */
    public static final String TARGET = "https://blog.example/posts/hello-world/";
    /** The Webmention endpoint the page advertises, absolute. */
    public static final String WEBMENTION = "https://jane.example/webmention";

    /** Where the page advertises its Webmention endpoint. */
    public enum Endpoint {
        /** A {@code <link rel="webmention">} in the head, where real pages have it. */
        HEAD,
        /**
         * An {@code <a rel="webmention">} with a relative {@code href} as the body's last element, after the
         * footer and its scripts: the worst case for a search in document order.
         */
        BODY_END,
        /** Nowhere in the HTML. */
        NONE,
    }

    private static final String[] WORDS = {
        "parser", "thread", "comment", "linkback", "server", "browser", "the", "a", "of", "and", "to", "in",
        "markup", "token", "element", "attribute", "context", "reply", "because", "which", "quickly", "simple",
        "careful", "really", "document", "feed", "archive", "permalink", "moderation", "cache",
    };

    private BlogPage() {
    }

    /**
     * Builds the page with its endpoint in the head.
     *
     * @param targetBytes the approximate size wanted
     * @return the page
     */
    public static String build(int targetBytes) {
        return build(targetBytes, Endpoint.HEAD);
    }

    /**
     * Builds the page with its endpoint where asked; apart from the endpoint's element, the pages are the same.
     *
     * @param targetBytes the approximate size wanted
     * @param endpoint where the page advertises {@link #WEBMENTION}
     * @return the page
     */
    public static String build(int targetBytes, Endpoint endpoint) {
        Words words = new Words();
        StringBuilder html = new StringBuilder(targetBytes + 8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>Re: Hello world | Jane's notes</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/site.css?v=12\">\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\">\n")
                .append(endpoint == Endpoint.HEAD ? "<link rel=\"webmention\" href=\"" + WEBMENTION + "\">\n" : "")
                .append("<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}nav a{margin-right:1em}")
                .append(".h-card img{border-radius:50%}.comments{border-top:1px solid #ccc}</style>\n")
                .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}")
                .append("gtag('js',new Date());var tpl='<a href=\"").append(TARGET).append("\">x</a>';</script>\n")
                .append("</head><body>\n<header class=\"h-card\"><a class=\"u-url p-name\" href=\"/\">Jane Doe</a>")
                .append("<img class=\"u-photo\" src=\"/img/jane.jpg\" alt=\"\"></header>\n<nav><ul>");
        for (int i = 0; i < 40; i++) {
            html.append("<li><a href=\"/category/").append(words.next()).append('-').append(i).append("/\">")
                    .append(words.next()).append("</a></li>");
        }
        html.append("</ul></nav>\n<main><article class=\"h-entry\">\n<h1 class=\"p-name\">Re: Hello world</h1>\n")
                .append("<p class=\"meta\">By <a class=\"p-author h-card\" href=\"/\">Jane Doe</a> on ")
                .append("<time class=\"dt-published\" datetime=\"2024-06-01T10:15:00+02:00\">1 June 2024</time>")
                .append(" in reply to <a class=\"u-in-reply-to\" href=\"").append(TARGET)
                .append("\">Hello world</a></p>\n<div class=\"e-content\">\n");
        int articleEnd = targetBytes * 45 / 100;
        int paragraph = 0;
        while (html.length() < articleEnd) {
            html.append("<p>");
            for (int w = 0; w < 60; w++) {
                if (w % 12 == 5) {
                    html.append("<a href=\"").append(w % 24 == 5 ? "/2023/" : "https://other.example/")
                            .append(words.next()).append('/').append(paragraph).append("\">")
                            .append(words.next()).append("</a> ");
                } else if (w % 17 == 3) {
                    html.append("<em>").append(words.next()).append("</em> ");
                } else {
                    html.append(words.next()).append(' ');
                }
                if (paragraph == 6 && w == 30) {
                    html.append("as <a href=\"").append(TARGET).append("\">the original post</a> argues, ");
                }
            }
            html.append("</p>\n");
            if (paragraph % 5 == 4) {
                html.append("<pre><code>&lt;a href=\"").append(TARGET).append("\"&gt;quoted&lt;/a&gt;</code></pre>\n");
            }
            paragraph++;
        }
        html.append("</div></article>\n<aside><h2>Archives</h2><ul>");
        for (int i = 0; i < 60; i++) {
            html.append("<li><a href=\"/20").append(10 + i / 12).append('/').append(1 + i % 12).append("/\">")
                    .append(words.next()).append(' ').append(i).append("</a></li>");
        }
        html.append("</ul></aside>\n<section class=\"comments\"><h2>Comments</h2>\n");
        int comment = 0;
        while (html.length() < targetBytes - 3000) {
            html.append("<div class=\"p-comment h-entry\" id=\"c").append(comment).append("\">")
                    .append("<div class=\"p-author h-card\"><img class=\"u-photo\" src=\"/avatars/")
                    .append(comment).append(".png\" alt=\"\"><a class=\"u-url p-name\" href=\"https://")
                    .append(words.next()).append(comment).append(".example/\">").append(words.next())
                    .append("</a></div><!-- <a href=\"").append(TARGET).append("\">spam</a> -->")
                    .append("<div class=\"e-content p-name\"><p>");
            for (int w = 0; w < 45; w++) {
                html.append(words.next()).append(' ');
            }
            html.append("<a href=\"https://spam").append(comment).append(".example/?utm_source=").append(words.next())
                    .append("\">link</a></p></div><a class=\"u-url\" href=\"#c").append(comment)
                    .append("\">permalink</a></div>\n");
            comment++;
        }
        html.append("</section></main>\n<footer><p>&copy; 2024 Jane Doe. <a href=\"/about\">About</a> ")
                .append("<a href=\"/privacy\">Privacy</a></p></footer>\n")
                .append("<script src=\"/assets/site.js\" defer></script>\n<script>")
                .append("document.querySelectorAll('a').forEach(function(a){if(a.host!==location.host)")
                .append("{a.rel='noopener'}});</script>\n")
                .append(endpoint == Endpoint.BODY_END
                        ? "<a rel=\"webmention\" href=\"/webmention\" hidden>Webmention</a>\n" : "")
                .append("</body></html>\n");
        return html.toString();
    }

    /** A fixed pseudo-random word stream (a linear congruential generator), the same on every run. */
    private static final class Words {
        private long seed = 42;

        String next() {
            seed = (seed * 6364136223846793005L + 1442695040888963407L);
            return WORDS[(int) ((seed >>> 33) % WORDS.length)];
        }
    }
}
