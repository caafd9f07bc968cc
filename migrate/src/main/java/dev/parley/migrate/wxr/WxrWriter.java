package dev.parley.migrate.wxr;

import dev.parley.migrate.CommentWriter;
import dev.parley.migrate.ExportReport;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.PostInfo;
import dev.parley.migrate.ThreadDescriber;
import dev.parley.migrate.internal.ExportOptions;
import dev.parley.migrate.internal.GmtDates;
import dev.parley.migrate.internal.ProgressPacer;
import dev.parley.migrate.internal.StoreThreads;
import dev.parley.migrate.internal.XmlOut;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a store as a WordPress eXtended RSS 1.2 file that WordPress's importer reads: one post per Parley
 * thread, with its comments.
 *
 * <p><b>Threads.</b> Each thread is an {@code item} of type {@code post}, status {@code publish}, comments and
 * pings open, dated by its earliest comment (in UTC) unless its {@link PostInfo#postDate()} is given; its title,
 * link and slug come from the {@link ThreadDescriber}. Its {@code wp:post_id} is the WordPress post id its
 * imported comments all name, when that is a number no other thread took, else a fresh number.
 *
 * <p><b>Comments.</b> Every element of a WordPress export's {@code wp:comment}, in its order. A comment imported
 * from WordPress (provenance system {@code wordpress}) gets its raw values back: its source id as
 * {@code comment_id} when that is a number no comment written before holds; its raw author
 * ({@code comment_author} field), local date, {@code comment_date_gmt} and {@code comment_user_id} fields; its raw
 * status when it still maps to the comment's status ({@code 1} approved, {@code 0} or {@code hold} pending,
 * {@code spam}, {@code trash} or {@code post-trashed} deleted); its raw type when it still maps to the comment's
 * kind ({@code ''} or {@code comment}, {@code pingback}, {@code trackback}, {@code webmention}; a type that is no
 * kind is kept for a plain comment); its other raw {@code comment_*} fields by name; and its commentmeta in
 * order. Everything else gets Parley's values: fresh ids above every WordPress id in the file, numbered parent
 * before reply; the author's name HTML-escaped; {@code createdAt} in UTC as both dates; status {@code 1},
 * {@code 0}, {@code spam} or {@code trash}; type {@code comment}, {@code pingback}, {@code trackback} or
 * {@code webmention}; user id {@code 0}; the sanitized html as content (a WordPress comment's own text). The
 * importer's raw generic fields ({@code author.name}, {@code author.email}, {@code author.url},
 * {@code author.ip}, {@code content}) win over Parley's values. {@code comment_parent} is the written id of the
 * comment the reply answered ({@link Comment#inReplyToId()}), so a reply attached at the deepest level keeps
 * its real parent; a reply whose answered comment is not in its thread any more is written as a top-level
 * comment, with a warning.
 *
 * <p><b>Text.</b> Every string is in CDATA, {@code ]]>} split as WordPress splits it; a character XML 1.0 cannot
 * hold is written as U+FFFD, with a warning naming the comment.
 *
 * <p><b>Memory.</b> The store is read page by page: one scan to find the threads and ids (keeping O(threads)
 * values and 8 bytes per WordPress comment), then each thread's roots a page at a time with their replies.
 *
 * <p>Immutable and thread-safe; one call writes one file. Build one with {@link #builder()}.
 */
public final class WxrWriter implements CommentWriter {

    /** The provenance system whose raw values this writer gives back. */
    static final String SYSTEM = "wordpress";
    /** The namespace of WXR 1.2's own elements. */
    public static final String WP_NAMESPACE = "http://wordpress.org/export/1.2/";

    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,17}");

    private final String siteUrl;
    private final String siteTitle;
    private final ThreadDescriber describer;
    private final int pageSize;
    private final Clock clock;

    private WxrWriter(Builder builder, ThreadDescriber describer) {
        this.siteUrl = builder.siteUrl;
        this.siteTitle = builder.siteTitle;
        this.describer = describer;
        this.pageSize = builder.pageSize;
        this.clock = builder.clock;
    }

    /**
     * Returns a builder with the defaults: site URL {@code http://localhost}, site title {@code Comments},
     * {@link ThreadDescriber#byKey(String)} on the site URL, pages of
     * {@value dev.parley.storage.PageRequest#MAX_LIMIT} comments, the system clock.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ExportReport write(CommentStore store, OutputStream out, ImportProgress.Listener progress) {
        Objects.requireNonNull(store, "store must not be null");
        Objects.requireNonNull(out, "out must not be null");
        ProgressPacer pacer = new ProgressPacer(progress, clock);
        WxrNumbering numbering = new WxrNumbering();
        StoreThreads threads = StoreThreads.scan(store, pageSize, numbering::observe, scanned -> { });
        numbering.seal();

        List<String> warnings = new ArrayList<>();
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("excerpt", "http://wordpress.org/export/1.2/excerpt/");
        namespaces.put("content", "http://purl.org/rss/1.0/modules/content/");
        namespaces.put("wfw", "http://wellformedweb.org/CommentAPI/");
        namespaces.put("dc", "http://purl.org/dc/elements/1.1/");
        namespaces.put("wp", WP_NAMESPACE);
        XmlOut xml = XmlOut.start(out, "rss", namespaces, Map.of("version", "2.0"), warnings::add);
        xml.open("channel");
        xml.cdata("title", siteTitle, "channel");
        xml.cdata("link", siteUrl, "channel");
        xml.cdata("description", "", "channel");
        xml.token("wp:wxr_version", "1.2");
        xml.cdata("wp:base_site_url", siteUrl, "channel");
        xml.cdata("wp:base_blog_url", siteUrl, "channel");
        xml.cdata("generator", "Parley", "channel");

        Written written = new Written();
        for (StoreThreads.Summary thread : threads.threads()) {
            writeThread(store, xml, thread, numbering.postId(thread.key()), numbering, warnings, () -> {
                written.comments++;
                pacer.progress(() -> new ImportProgress(ImportProgress.Phase.EXPORTING, written.comments, 0, -1));
            });
        }
        xml.finish();
        flush(out);
        pacer.finish(new ImportProgress(ImportProgress.Phase.EXPORTING, written.comments, 0, -1));
        return new ExportReport(written.comments, threads.threads().size(), warnings);
    }

    private void writeThread(CommentStore store, XmlOut xml, StoreThreads.Summary thread, long postId,
            WxrNumbering numbering, List<String> warnings, Runnable onComment) {
        PostInfo post = describer.describe(thread.key());
        String owner = "thread " + thread.key();
        String gmt = GmtDates.format(thread.earliest());
        xml.open("item");
        xml.cdata("title", post.title(), owner);
        xml.cdata("link", post.link(), owner);
        xml.cdata("pubDate", GmtDates.rfc822(thread.earliest()), owner);
        xml.cdata("description", "", owner);
        xml.cdata("content:encoded", "", owner);
        xml.cdata("excerpt:encoded", "", owner);
        xml.number("wp:post_id", postId);
        xml.cdata("wp:post_date", post.postDate() == null ? gmt : post.postDate(), owner);
        xml.cdata("wp:post_date_gmt", gmt, owner);
        xml.token("wp:comment_status", "open");
        xml.token("wp:ping_status", "open");
        xml.cdata("wp:post_name", post.slug(), owner);
        xml.token("wp:status", "publish");
        xml.number("wp:post_parent", 0);
        xml.number("wp:menu_order", 0);
        xml.token("wp:post_type", "post");
        xml.cdata("wp:post_password", "", owner);
        xml.number("wp:is_sticky", 0);

        Map<CommentId, Long> ids = new HashMap<>();
        StoreThreads.forEachBatch(store, thread, pageSize, batch -> {
            for (Comment comment : batch) {
                ids.put(comment.id(), numbering.commentId(comment));
            }
            for (Comment comment : batch) {
                writeComment(xml, comment, ids, warnings);
                onComment.run();
            }
        });
        xml.close();
    }

    private static void writeComment(XmlOut xml, Comment comment, Map<CommentId, Long> ids, List<String> warnings) {
        long id = ids.get(comment.id());
        String owner = "comment " + comment.id() + " (wp:comment_id " + id + ")";
        long parent = 0;
        CommentId answered = comment.inReplyToId();
        if (answered != null) {
            Long parentId = ids.get(answered);
            if (parentId == null) {
                warnings.add(owner + ": answers comment " + answered
                        + ", which is not written in its thread: written as a top-level comment");
            } else {
                parent = parentId;
            }
        }
        WxrCommentValues values = WxrCommentValues.of(comment);
        xml.open("wp:comment");
        xml.number("wp:comment_id", id);
        xml.cdata("wp:comment_author", values.author(), owner);
        xml.cdata("wp:comment_author_email", values.email(), owner);
        xml.cdata("wp:comment_author_url", values.url(), owner);
        xml.cdata("wp:comment_author_IP", values.ip(), owner);
        xml.cdata("wp:comment_date", values.date(), owner);
        xml.cdata("wp:comment_date_gmt", values.dateGmt(), owner);
        xml.cdata("wp:comment_content", values.content(), owner);
        xml.cdata("wp:comment_approved", values.approved(), owner);
        xml.cdata("wp:comment_type", values.type(), owner);
        xml.number("wp:comment_parent", parent);
        if (INTEGER.matcher(values.userId()).matches()) {
            xml.number("wp:comment_user_id", Long.parseLong(values.userId()));
        } else {
            xml.cdata("wp:comment_user_id", values.userId(), owner);
        }
        for (Provenance.Field field : values.extra()) {
            xml.cdata("wp:" + field.name(), field.value(), owner);
        }
        for (Provenance.Field meta : values.meta()) {
            xml.open("wp:commentmeta");
            xml.cdata("wp:meta_key", meta.name(), owner);
            xml.cdata("wp:meta_value", meta.value(), owner);
            xml.close();
        }
        xml.close();
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the WXR export", e);
        }
    }

    private static final class Written {
        long comments;
    }

    /**
     * Collects the options of a {@link WxrWriter}; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private String siteUrl = "http://localhost";
        private String siteTitle = "Comments";
        private @Nullable ThreadDescriber describer;
        private int pageSize = ExportOptions.DEFAULT_PAGE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the site's address: the channel's link, {@code wp:base_site_url} and {@code wp:base_blog_url},
         * and the base of the default thread links.
         *
         * @param siteUrl an absolute http or https URL; a trailing {@code /} is dropped
         * @return this builder
         */
        public Builder siteUrl(String siteUrl) {
            this.siteUrl = siteUrl != null && siteUrl.endsWith("/")
                    ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
            return this;
        }

        /**
         * Sets the channel's title.
         *
         * @param siteTitle the title
         * @return this builder
         */
        public Builder siteTitle(String siteTitle) {
            this.siteTitle = siteTitle;
            return this;
        }

        /**
         * Sets how threads are described as posts.
         *
         * @param describer the describer
         * @return this builder
         */
        public Builder threadDescriber(ThreadDescriber describer) {
            this.describer = describer;
            return this;
        }

        /**
         * Sets how many comments (in the scan) and roots (per thread) are read from the store at a time.
         *
         * @param pageSize 1 to {@value dev.parley.storage.PageRequest#MAX_LIMIT}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Sets the clock that paces progress reports.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException naming every bad option
         */
        public WxrWriter build() {
            List<String> problems = new ArrayList<>();
            ExportOptions.checkSiteUrl(siteUrl, problems);
            if (siteTitle == null) {
                problems.add("site title must not be null");
            }
            ExportOptions.checkPageSize(pageSize, problems);
            if (clock == null) {
                problems.add("clock must not be null");
            }
            ExportOptions.throwIfAny(problems);
            return new WxrWriter(this, describer != null ? describer : ThreadDescriber.byKey(siteUrl));
        }
    }
}
