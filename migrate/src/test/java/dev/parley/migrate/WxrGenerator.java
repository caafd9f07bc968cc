package dev.parley.migrate;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a realistic WordPress export (WXR 1.2, as current WordPress writes it) of any size, streaming: one
 * post's comments are planned at a time, so a file of millions of comments costs the memory of its largest post.
 * The tests' and benchmarks' source of large files.
 *
 * <p>What a file holds, per {@link #builder() setting}: exactly {@code comments} comments over exactly
 * {@code posts} posts, each post with at least one (a few popular posts hold many, most a handful: a log-normal
 * spread), and an attachment item without comments after every 25th post. Comments have one to three short
 * paragraphs, some with a link, some with emphasis or a line break, a few with non-ASCII text; author names are
 * HTML-escaped as WordPress stores them. About 30% are replies to an earlier comment of the same post, and about
 * one reply in twelve is written before its parent (ids then run against the tree, as after an earlier
 * migration). About 1% are pingbacks and 0.3% trackbacks, each from a page of its own. Statuses are
 * {@code 1}, {@code 0}, {@code spam} and {@code trash} (about 80/8/7/5%); types are {@code comment}, or the
 * empty type of WordPress before 5.5 for most comments before August 2020. Every comment has a local date
 * (America/Chicago, so the offset changes with daylight saving time) and a GMT date, except about 0.2% whose GMT
 * date is {@code 0000-00-00 00:00:00}. About a quarter carry Akismet's commentmeta; every trashed one carries
 * its previous status and trash time.
 *
 * <p>The same settings give the same bytes. A path ending in {@code .gz} is written gzip-compressed.
 *
 * <p>Immutable and thread-safe; each {@code write} is independent.
 */
public final class WxrGenerator {

    private final long comments;
    private final int posts;
    private final long seed;

    private WxrGenerator(long comments, int posts, long seed) {
        this.comments = comments;
        this.posts = posts;
        this.seed = seed;
    }

    /**
     * Returns a builder: 1,000 comments over 10 posts, seed 1.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the file, gzip-compressed (at the fastest level) if its name ends with {@code .gz}.
     *
     * @param file where to write; replaced if it exists
     * @return what was written
     * @throws IOException if the file cannot be written
     */
    public Counts write(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        try (OutputStream out = Files.newOutputStream(file)) {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (GZIPOutputStream gzip = new GZIPOutputStream(out, 65_536) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                }) {
                    return write(gzip);
                }
            }
            return write(out);
        }
    }

    /**
     * Writes the export to a stream, which is flushed and left open.
     *
     * @param out where to write
     * @return what was written
     * @throws IOException if the stream fails
     */
    public Counts write(OutputStream out) throws IOException {
        Counting counted = new Counting(Objects.requireNonNull(out, "out must not be null"));
        Writer writer = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 65_536);
        GeneratedPosts plan = new GeneratedPosts(new SplittableRandom(seed), perPost(), comments);
        header(writer);
        for (int post = 0; post < posts; post++) {
            plan.post(post, writer);
            if (post % 25 == 24) {
                plan.attachment(post, writer);
            }
        }
        writer.write("</channel>\n</rss>\n");
        writer.flush();
        return plan.counts(counted.bytes);
    }

    /** Spreads the comments over the posts, each at least one, with an independent random stream. */
    private int[] perPost() {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] weights = new double[posts];
        double total = 0;
        for (int i = 0; i < posts; i++) {
            weights[i] = Math.exp(1.2 * gaussian(random));
            total += weights[i];
        }
        long spread = comments - posts;
        int[] counts = new int[posts];
        long given = 0;
        for (int i = 0; i < posts; i++) {
            counts[i] = 1 + (int) (spread * weights[i] / total);
            given += counts[i];
        }
        for (long left = comments - given; left > 0; left--) {
            counts[random.nextInt(posts)]++;
        }
        return counts;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so the spread does not depend on the JDK's own gaussian algorithm.
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private void header(Writer out) throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
                <!-- generator="WordPress/6.5" created="2025-01-01 00:00" -->
                <rss version="2.0"
                	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                	xmlns:content="http://purl.org/rss/1.0/modules/content/"
                	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                	xmlns:dc="http://purl.org/dc/elements/1.1/"
                	xmlns:wp="http://wordpress.org/export/1.2/"
                >

                <channel>
                	<title>A Generated Blog</title>
                	<link>https://blog.example</link>
                	<description>Comments, many of them</description>
                	<pubDate>Wed, 01 Jan 2025 00:00:00 +0000</pubDate>
                	<language>en-US</language>
                	<wp:wxr_version>1.2</wp:wxr_version>
                	<wp:base_site_url>https://blog.example</wp:base_site_url>
                	<wp:base_blog_url>https://blog.example</wp:base_blog_url>

                	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[maren]]></wp:author_login>\
                <wp:author_email><![CDATA[maren@blog.example]]></wp:author_email><wp:author_display_name>\
                <![CDATA[Maren Holt]]></wp:author_display_name><wp:author_first_name><![CDATA[Maren]]>\
                </wp:author_first_name><wp:author_last_name><![CDATA[Holt]]></wp:author_last_name></wp:author>

                	<generator>https://wordpress.org/?v=6.5</generator>

                """);
    }

    /**
     * What a file holds, counted as it was written.
     *
     * @param comments comments written
     * @param posts posts written, each with at least one comment
     * @param attachments attachment items written, none with comments
     * @param approved comments with status {@code 1}
     * @param pending comments with status {@code 0}
     * @param spam comments with status {@code spam}
     * @param trash comments with status {@code trash}
     * @param pingbacks comments of type {@code pingback}
     * @param trackbacks comments of type {@code trackback}
     * @param replies comments with a parent
     * @param repliesBeforeParent replies written before their parent
     * @param missingGmtDates comments whose GMT date is {@code 0000-00-00 00:00:00}
     * @param withMetadata comments with at least one {@code wp:commentmeta}
     * @param largestPost the most comments one post has
     * @param deepestReply the deepest reply's depth (1 for a reply to a root)
     * @param bytes bytes written, before any compression
     */
    public record Counts(long comments, int posts, int attachments, long approved, long pending, long spam,
            long trash, long pingbacks, long trackbacks, long replies, long repliesBeforeParent,
            long missingGmtDates, long withMetadata, int largestPost, int deepestReply, long bytes) {
    }

    /**
     * Collects a {@link WxrGenerator}'s settings.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private long comments = 1_000;
        private int posts = 10;
        private long seed = 1;

        private Builder() {
        }

        /**
         * Sets how many comments the file holds.
         *
         * @param comments at least the number of posts
         * @return this builder
         */
        public Builder comments(long comments) {
            this.comments = comments;
            return this;
        }

        /**
         * Sets over how many posts the comments are spread.
         *
         * @param posts at least 1
         * @return this builder
         */
        public Builder posts(int posts) {
            this.posts = posts;
            return this;
        }

        /**
         * Sets the seed every random choice comes from.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator
         * @throws IllegalArgumentException if there are no posts, or fewer comments than posts
         */
        public WxrGenerator build() {
            if (posts < 1 || comments < posts) {
                throw new IllegalArgumentException("posts " + posts + " must be at least 1 and comments "
                        + comments + " at least posts");
            }
            return new WxrGenerator(comments, posts, seed);
        }
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        private long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
