package dev.parley.examples.web;

import dev.parley.examples.Blog;
import java.util.Objects;

/**
 * The frame every HTML page of the demo shares: doctype, head with the style sheet, the site header and
 * footer. No script is ever included (the Content-Security-Policy forbids it anyway).
 *
 * <p>Immutable and thread-safe.
 */
public final class Layout {

    private final Blog blog;

    /**
     * Creates the layout.
     *
     * @param blog the blog whose name the header shows
     */
    public Layout(Blog blog) {
        this.blog = Objects.requireNonNull(blog, "blog");
    }

    /**
     * Wraps a page body in the frame.
     *
     * @param title the page title, plain text
     * @param head extra trusted markup for {@code <head>} (link elements), possibly empty
     * @param body the trusted body markup
     * @return the whole document
     */
    public String page(String title, String head, String body) {
        return new Html()
                .raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · ").text(blog.name()).raw("</title>")
                .raw("<link rel=\"stylesheet\" href=\"/static/parley.css\">")
                .raw(head)
                .raw("</head><body><header class=\"site\"><a class=\"brand\" href=\"/\">").text(blog.name())
                .raw("</a> · a demo blog for Parley</header><main>")
                .raw(body)
                .raw("</main><footer class=\"site\">Comments by Parley, rendered on the server; no JavaScript. ")
                .raw("<a href=\"/admin\">Moderation</a></footer></body></html>\n")
                .toString();
    }
}
