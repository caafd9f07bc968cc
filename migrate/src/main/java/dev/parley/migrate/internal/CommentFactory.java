package dev.parley.migrate.internal;

import dev.parley.core.content.ContentRenderer;
import dev.parley.core.content.Html;
import dev.parley.core.content.InputFormat;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Provenance;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * Fits a {@link SourceComment} into a {@link Comment}: author fields into {@link Author}'s limits, content into
 * the text limit, rendered to sanitized html by the engine's renderer, a linkback's source into a
 * {@link Linkback}. Whatever does not fit is kept raw in the provenance, under the importer's field names, and
 * reported.
 *
 * <p>Not API. Thread-safe if its renderers are (Parley's are).
 */
public final class CommentFactory {

    /** The name used when a source comment has none. */
    public static final String ANONYMOUS = "Anonymous";

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().build();

    private final ContentRenderer html;
    private final ContentRenderer markdownHtml;

    /**
     * Creates the factory.
     *
     * @param html renders HTML and plain-text sources, with WordPress's line-break rules
     * @param markdownHtml sanitizes the HTML made from Markdown, whose line breaks are already laid out
     */
    public CommentFactory(ContentRenderer html, ContentRenderer markdownHtml) {
        this.html = html;
        this.markdownHtml = markdownHtml;
    }

    /**
     * Builds the comment.
     *
     * @param source the source comment
     * @param placed the builder with id, thread and tree fields set
     * @param linkbackAllowed whether a linkback kind may be kept (false when the thread already holds a linkback
     *     from the same source URL)
     * @param warn receives the warnings
     * @return the comment, version 0
     */
    public Comment build(SourceComment source, Comment.Builder placed, boolean linkbackAllowed,
            Consumer<ImportWarning> warn) {
        List<Provenance.Field> extra = new ArrayList<>();
        Author author = author(source, extra, warn);

        String text = storable(source.content());
        if (!text.equals(source.content())) {
            extra.add(new Provenance.Field("content", source.content()));
            warn.accept(warning(source, ImportWarning.Code.FIELD_KEPT_RAW, "content holds characters no database"
                    + " stores (U+0000, unpaired surrogates): replaced by U+FFFD; the raw content is kept"));
        }
        if (text.length() > Comment.MAX_TEXT_LENGTH) {
            int cut = Character.isHighSurrogate(text.charAt(Comment.MAX_TEXT_LENGTH - 1))
                    ? Comment.MAX_TEXT_LENGTH - 1 : Comment.MAX_TEXT_LENGTH;
            if (extra.stream().noneMatch(f -> f.name().equals("content"))) {
                extra.add(new Provenance.Field("content", source.content()));
            }
            text = text.substring(0, cut);
            warn.accept(warning(source, ImportWarning.Code.CONTENT_TRUNCATED, "content of "
                    + source.content().length() + " characters cut to " + cut + "; the whole is kept raw"));
        }

        Kind kind = source.kind();
        Linkback linkback = null;
        if (kind.isLinkback()) {
            String url = linkbackUrl(source.authorUrl());
            if (url == null || !linkbackAllowed) {
                warn.accept(warning(source, ImportWarning.Code.LINKBACK_AS_COMMENT, url == null
                        ? kind.name().toLowerCase(Locale.ROOT) + " without a usable source URL ("
                                + (source.authorUrl() == null ? "none" : "\"" + source.authorUrl() + "\"")
                                + "): imported as a comment"
                        : "the thread already holds a linkback from " + url + ": imported as a comment"));
                kind = Kind.COMMENT;
            } else {
                String title = author.name().length() > Linkback.MAX_TITLE_LENGTH
                        ? author.name().substring(0, Linkback.MAX_TITLE_LENGTH) : author.name();
                linkback = new Linkback(url, title);
            }
        }

        Instant created = clamp(source.createdAt());
        Instant updated = source.updatedAt() == null ? created : clamp(source.updatedAt());
        if (updated.isBefore(created)) {
            updated = created;
        }
        return placed
                .kind(kind)
                .linkback(linkback)
                .status(source.status())
                .author(author)
                .text(text)
                .html(render(source, text, warn))
                .createdAt(created)
                .updatedAt(updated)
                .version(0)
                .provenance(provenance(source, extra, warn))
                .build();
    }

    private Author author(SourceComment source, List<Provenance.Field> extra, Consumer<ImportWarning> warn) {
        String rawName = source.authorName();
        String name = storable(rawName).strip();
        if (name.isEmpty() || name.length() > Author.MAX_NAME_LENGTH) {
            extra.add(new Provenance.Field("author.name", rawName));
            if (!name.isEmpty()) {
                warn.accept(kept(source, "name", rawName.length()));
            }
            name = name.isEmpty() ? ANONYMOUS : cut(name, Author.MAX_NAME_LENGTH);
        } else if (!name.equals(rawName)) {
            extra.add(new Provenance.Field("author.name", rawName));
            if (!storable(rawName).equals(rawName)) {
                warn.accept(unstorable(source, "name"));
            }
        }
        String email = fit(source, "email", source.authorEmail(), Author.MAX_EMAIL_LENGTH, extra, warn);
        String url = fit(source, "url", source.authorUrl(), Author.MAX_URL_LENGTH, extra, warn);
        String ip = fit(source, "ip", source.authorIp(), Author.MAX_IP_LENGTH, extra, warn);
        String agent = fit(source, "user_agent", source.authorUserAgent(), Author.MAX_USER_AGENT_LENGTH, extra,
                warn);
        return new Author(name, email, url, null, ip, agent);
    }

    private static @Nullable String fit(SourceComment source, String field, @Nullable String raw, int max,
            List<Provenance.Field> extra, Consumer<ImportWarning> warn) {
        if (raw == null) {
            return null;
        }
        String value = storable(raw).strip();
        if (value.isEmpty()) {
            if (!raw.isEmpty()) {
                extra.add(new Provenance.Field("author." + field, raw));
            }
            return null;
        }
        if (value.length() > max) {
            extra.add(new Provenance.Field("author." + field, raw));
            warn.accept(kept(source, field, raw.length()));
            return null;
        }
        if (!value.equals(raw)) {
            extra.add(new Provenance.Field("author." + field, raw));
            if (!storable(raw).equals(raw)) {
                warn.accept(unstorable(source, field));
            }
        }
        return value;
    }

    private String render(SourceComment source, String text, Consumer<ImportWarning> warn) {
        String rendered;
        try {
            rendered = switch (source.format()) {
                case HTML -> html.render(text, InputFormat.HTML);
                case PLAIN_TEXT -> html.render(text, InputFormat.PLAIN_TEXT);
                case MARKDOWN -> markdownHtml.render(MARKDOWN_HTML.render(MARKDOWN.parse(text)).strip(),
                        InputFormat.HTML);
            };
        } catch (IllegalArgumentException refused) {
            // A host's renderer with a lower input limit: the comment is still imported, its text escaped.
            warn.accept(warning(source, ImportWarning.Code.CONTENT_NOT_RENDERED,
                    "the renderer refused the content (" + refused.getMessage() + "): its text is shown escaped"));
            return cutHtml(Html.escape(text));
        }
        if (rendered.length() > Comment.MAX_HTML_LENGTH) {
            warn.accept(warning(source, ImportWarning.Code.CONTENT_TRUNCATED, "rendered html of "
                    + rendered.length() + " characters is over the limit: rendered as plain text instead"));
            rendered = html.render(text, InputFormat.PLAIN_TEXT);
            if (rendered.length() > Comment.MAX_HTML_LENGTH) {
                warn.accept(warning(source, ImportWarning.Code.CONTENT_NOT_RENDERED,
                        "even as plain text the html is over the limit: its text is shown escaped, cut to fit"));
                rendered = cutHtml(Html.escape(text));
            }
        }
        return rendered;
    }

    private static Provenance provenance(SourceComment source, List<Provenance.Field> extra,
            Consumer<ImportWarning> warn) {
        Provenance p = source.provenance();
        if (extra.isEmpty()) {
            return p;
        }
        List<Provenance.Field> fields = new ArrayList<>(p.fields());
        fields.addAll(extra);
        List<Provenance.Field> metadata = new ArrayList<>(p.metadata());
        boolean warned = false;
        while (true) {
            try {
                return new Provenance(p.system(), p.sourceId(), p.threadId(), p.parentId(), p.status(), p.type(),
                        p.date(), fields, metadata);
            } catch (IllegalArgumentException tooBig) {
                if (!warned) {
                    warn.accept(warning(source, ImportWarning.Code.METADATA_TRUNCATED,
                            "raw values over the provenance's bounds were left out: " + tooBig.getMessage()));
                    warned = true;
                }
                // The importer's own raw copies go first: the source's metadata is what an export gives back.
                if (fields.size() > p.fields().size()) {
                    fields.remove(fields.size() - 1);
                } else if (!metadata.isEmpty()) {
                    metadata.remove(metadata.size() - 1);
                } else {
                    return p;
                }
            }
        }
    }

    private static @Nullable String linkbackUrl(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String url = raw.strip();
        if (url.isEmpty() || url.length() > Linkback.MAX_SOURCE_URL_LENGTH) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            if (Character.isISOControl(url.charAt(i))) {
                return null;
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return url;
    }

    /**
     * Returns the source URL a linkback would be stored with, or null if it has none usable.
     *
     * @param source the source comment
     * @return the URL, or null
     */
    public static @Nullable String linkbackSource(SourceComment source) {
        return source.kind().isLinkback() ? linkbackUrl(source.authorUrl()) : null;
    }

    /** Escaped text, cut so it fits the html limit without splitting an entity or a surrogate pair. */
    private static String cutHtml(String escaped) {
        if (escaped.length() <= Comment.MAX_HTML_LENGTH) {
            return escaped;
        }
        int end = Comment.MAX_HTML_LENGTH;
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= 0 && escaped.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        return escaped.substring(0, end);
    }

    /**
     * Returns the value with what no database stores replaced by U+FFFD: U+0000 (PostgreSQL's text refuses it)
     * and unpaired surrogates (not valid UTF-8).
     */
    static String storable(String value) {
        int clean = 0;
        while (clean < value.length() && value.charAt(clean) != 0 && !Character.isSurrogate(value.charAt(clean))) {
            clean++;
        }
        if (clean == value.length()) {
            return value;
        }
        StringBuilder out = null;
        for (int i = clean; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad;
            if (c == 0) {
                bad = true;
            } else if (Character.isHighSurrogate(c)) {
                bad = i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? value : out.toString();
    }

    private static ImportWarning unstorable(SourceComment source, String field) {
        return warning(source, ImportWarning.Code.FIELD_KEPT_RAW, "author " + field + " holds characters no"
                + " database stores (U+0000, unpaired surrogates): replaced by U+FFFD; kept raw as author." + field);
    }

    private static Instant clamp(Instant instant) {
        if (instant.isBefore(Comment.EARLIEST)) {
            return Comment.EARLIEST;
        }
        return instant.isAfter(Comment.LATEST) ? Comment.LATEST : instant;
    }

    private static String cut(String value, int max) {
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    private static ImportWarning kept(SourceComment source, String field, int length) {
        return warning(source, ImportWarning.Code.FIELD_KEPT_RAW,
                "author " + field + " of " + length + " characters does not fit: kept raw as author." + field);
    }

    private static ImportWarning warning(SourceComment source, ImportWarning.Code code, String message) {
        return new ImportWarning(code, source.threadId(), source.id(), message);
    }
}
