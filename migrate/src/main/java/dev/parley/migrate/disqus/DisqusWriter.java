package dev.parley.migrate.disqus;

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
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
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
import org.jspecify.annotations.Nullable;

/**
 * Writes a store in Disqus's "Custom XML Import Format": WXR 1.0 with Disqus's {@code dsq} namespace, one
 * {@code item} per Parley thread, which Disqus's importer reads.
 *
 * <p><b>Threads.</b> Each item has the title and link of the {@link ThreadDescriber}, an empty
 * {@code content:encoded}, the thread key as {@code dsq:thread_identifier} (the {@code disqus_identifier} a page
 * embeds), its earliest comment's date as {@code wp:post_date_gmt} and comments open.
 *
 * <p><b>Comments.</b> Every field the format requires, present even when empty: {@code comment_id} numbered
 * afresh from 1 in the file, parent before reply; the author's name as plain text, e-mail, URL (a linkback's
 * source URL when the author has none) and IP; {@code createdAt} in UTC; the sanitized html as content;
 * {@code comment_approved} {@code 1} for an approved comment and {@code 0} for a pending or deleted one, which
 * Disqus then holds for moderation; and {@code comment_parent}, the id of the comment the reply answered
 * ({@link Comment#inReplyToId()}). The importer's raw generic fields ({@code author.name},
 * {@code author.email}, {@code author.url}, {@code author.ip}) win over Parley's values.
 *
 * <p><b>Spam</b> is left out, with a warning: the format has no spam flag, and {@code 0} would put it in the
 * moderation queue as if it were waiting for approval. A reply to a comment left out attaches to the nearest
 * written comment it descends from (or becomes top-level), with a warning. Disqus refuses a message shorter
 * than 3 characters; such comments are written as they are.
 *
 * <p><b>Text.</b> Every string is in CDATA, {@code ]]>} split across sections; a character XML 1.0 cannot hold
 * is written as U+FFFD, with a warning naming the comment. Memory is as for the WXR writer: one scan for the
 * threads, then a page of roots with their replies at a time.
 *
 * <p>Immutable and thread-safe; one call writes one file. Build one with {@link #builder()}.
 */
public final class DisqusWriter implements CommentWriter {

    /** Disqus's namespace of its import format's own elements. */
    public static final String DSQ_NAMESPACE = "http://www.disqus.com/";

    private final ThreadDescriber describer;
    private final int pageSize;
    private final Clock clock;

    private DisqusWriter(Builder builder, ThreadDescriber describer) {
        this.describer = describer;
        this.pageSize = builder.pageSize;
        this.clock = builder.clock;
    }

    /**
     * Returns a builder with the defaults: {@link ThreadDescriber#byKey(String)} on {@code http://localhost},
     * pages of {@value dev.parley.storage.PageRequest#MAX_LIMIT} comments, the system clock.
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
        StoreThreads threads = StoreThreads.scan(store, pageSize, comment -> { }, scanned -> { });

        List<String> warnings = new ArrayList<>();
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("content", "http://purl.org/rss/1.0/modules/content/");
        namespaces.put("dsq", DSQ_NAMESPACE);
        namespaces.put("dc", "http://purl.org/dc/elements/1.1/");
        namespaces.put("wp", "http://wordpress.org/export/1.0/");
        XmlOut xml = XmlOut.start(out, "rss", namespaces, Map.of("version", "2.0"), warnings::add);
        xml.open("channel");
        Counter counter = new Counter();
        for (StoreThreads.Summary thread : threads.threads()) {
            writeThread(store, xml, thread, counter, warnings, () -> pacer.progress(
                    () -> new ImportProgress(ImportProgress.Phase.EXPORTING, counter.written, 0, -1)));
        }
        xml.finish();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Disqus export", e);
        }
        pacer.finish(new ImportProgress(ImportProgress.Phase.EXPORTING, counter.written, 0, -1));
        return new ExportReport(counter.written, threads.threads().size(), warnings);
    }

    private void writeThread(CommentStore store, XmlOut xml, StoreThreads.Summary thread, Counter counter,
            List<String> warnings, Runnable onComment) {
        PostInfo post = describer.describe(thread.key());
        String owner = "thread " + thread.key();
        xml.open("item");
        xml.cdata("title", post.title(), owner);
        xml.cdata("link", post.link(), owner);
        xml.cdata("content:encoded", "", owner);
        xml.cdata("dsq:thread_identifier", thread.key().value(), owner);
        xml.cdata("wp:post_date_gmt", GmtDates.format(thread.earliest()), owner);
        xml.token("wp:comment_status", "open");

        Map<CommentId, Long> ids = new HashMap<>();
        Map<CommentId, @Nullable CommentId> leftOut = new HashMap<>();
        StoreThreads.forEachBatch(store, thread, pageSize, batch -> {
            for (Comment comment : batch) {
                if (comment.status() == Status.SPAM) {
                    leftOut.put(comment.id(), comment.inReplyToId());
                } else {
                    ids.put(comment.id(), ++counter.lastId);
                }
            }
            for (Comment comment : batch) {
                if (comment.status() == Status.SPAM) {
                    warnings.add("comment " + comment.id() + ": spam, not written (the format has no spam flag)");
                    continue;
                }
                writeComment(xml, comment, ids.get(comment.id()), parent(comment, ids, leftOut, warnings));
                counter.written++;
                onComment.run();
            }
        });
        xml.close();
    }

    private static long parent(Comment comment, Map<CommentId, Long> ids, Map<CommentId, @Nullable CommentId> leftOut,
            List<String> warnings) {
        CommentId answered = comment.inReplyToId();
        CommentId current = answered;
        int steps = 0;
        while (current != null) {
            Long id = ids.get(current);
            if (id != null) {
                if (!current.equals(answered)) {
                    warnings.add("comment " + comment.id() + " (wp:comment_id " + ids.get(comment.id())
                            + "): answers spam comment " + answered + ", which is not written: attached to "
                            + "wp:comment_id " + id);
                }
                return id;
            }
            if (!leftOut.containsKey(current) || steps++ > leftOut.size()) {
                warnings.add("comment " + comment.id() + " (wp:comment_id " + ids.get(comment.id())
                        + "): answers comment " + answered + ", which is not written in its thread: written as a "
                        + "top-level comment");
                return 0;
            }
            current = leftOut.get(current);
        }
        if (answered != null) {
            warnings.add("comment " + comment.id() + " (wp:comment_id " + ids.get(comment.id())
                    + "): answers spam comment " + answered + ", which is not written: written as a top-level "
                    + "comment");
        }
        return 0;
    }

    private static void writeComment(XmlOut xml, Comment comment, long id, long parent) {
        String owner = "comment " + comment.id() + " (wp:comment_id " + id + ")";
        Provenance provenance = comment.provenance();
        Author author = comment.author();
        String linkbackUrl = comment.linkback() == null ? null : comment.linkback().sourceUrl();
        xml.open("wp:comment");
        xml.number("wp:comment_id", id);
        xml.cdata("wp:comment_author", first(field(provenance, "author.name"), author.name(), ""), owner);
        xml.cdata("wp:comment_author_email", first(field(provenance, "author.email"), author.email(), ""), owner);
        xml.cdata("wp:comment_author_url", first(field(provenance, "author.url"), author.url(),
                linkbackUrl == null ? "" : linkbackUrl), owner);
        xml.cdata("wp:comment_author_IP", first(field(provenance, "author.ip"), author.ip(), ""), owner);
        xml.cdata("wp:comment_date_gmt", GmtDates.format(comment.createdAt()), owner);
        xml.cdata("wp:comment_content", comment.html(), owner);
        xml.token("wp:comment_approved", comment.status() == Status.APPROVED ? "1" : "0");
        xml.number("wp:comment_parent", parent);
        xml.close();
    }

    private static @Nullable String field(@Nullable Provenance provenance, String name) {
        return provenance == null ? null : provenance.field(name);
    }

    private static String first(@Nullable String preferred, @Nullable String next, String last) {
        if (preferred != null) {
            return preferred;
        }
        return next != null ? next : last;
    }

    private static final class Counter {
        long lastId;
        long written;
    }

    /**
     * Collects the options of a {@link DisqusWriter}; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private String siteUrl = "http://localhost";
        private @Nullable ThreadDescriber describer;
        private int pageSize = ExportOptions.DEFAULT_PAGE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the site's address, the base of the default thread links.
         *
         * @param siteUrl an absolute http or https URL; a trailing {@code /} is dropped
         * @return this builder
         */
        public Builder siteUrl(String siteUrl) {
            this.siteUrl = siteUrl;
            return this;
        }

        /**
         * Sets how threads are described as pages; it replaces the default made from the site URL.
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
        public DisqusWriter build() {
            List<String> problems = new ArrayList<>();
            ExportOptions.checkSiteUrl(siteUrl, problems);
            ExportOptions.checkPageSize(pageSize, problems);
            if (clock == null) {
                problems.add("clock must not be null");
            }
            ExportOptions.throwIfAny(problems);
            return new DisqusWriter(this, describer != null ? describer : ThreadDescriber.byKey(siteUrl));
        }
    }
}
