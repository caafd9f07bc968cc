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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Comparator;
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

    private static final String SITE = "https://blog.example";
    private static final ZoneRules LOCAL = ZoneId.of("America/Chicago").getRules();
    private static final long FIRST_POST = Instant.parse("2009-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_POST = Instant.parse("2024-12-31T00:00:00Z").getEpochSecond();
    private static final long WORDPRESS_5_5 = Instant.parse("2020-08-11T00:00:00Z").getEpochSecond();
    private static final String ZERO_DATE = "0000-00-00 00:00:00";
    private static final byte COMMENT = 0;
    private static final byte PINGBACK = 1;
    private static final byte TRACKBACK = 2;
    private static final String[] STATUSES = {"1", "0", "spam", "trash"};

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
        Plan plan = new Plan(new SplittableRandom(seed), perPost());
        header(writer);
        for (int post = 0; post < posts; post++) {
            plan.post(post, writer);
            if (post % 25 == 24) {
                attachment(plan, post, writer);
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

    private void attachment(Plan plan, int post, Writer out) throws IOException {
        long id = 1_000_000_000L + post;
        out.write("\t<item>\n\t\t<title><![CDATA[image-" + post + "]]></title>\n\t\t<link>" + SITE + "/image-"
                + post + "/</link>\n\t\t<wp:post_id>" + id + "</wp:post_id>\n\t\t<wp:post_type><![CDATA[attachment]]>"
                + "</wp:post_type>\n\t\t<wp:attachment_url><![CDATA[" + SITE + "/wp-content/uploads/image-" + post
                + ".jpg]]></wp:attachment_url>\n\t</item>\n");
        plan.attachments++;
    }

    /** Plans and writes post after post; counts what it wrote. */
    private final class Plan {
        private final SplittableRandom random;
        private final int[] perPost;
        private final StringBuilder text = new StringBuilder(4096);
        private long nextCommentId = 1;
        private long linkbackSources;
        private int attachments;
        private final long[] statuses = new long[STATUSES.length];
        private long pingbacks;
        private long trackbacks;
        private long replies;
        private long repliesBeforeParent;
        private long missingGmt;
        private long withMeta;
        private int largestPost;
        private int deepest;

        // One post's comments, in the order they were posted; reused from post to post.
        private int[] parent = new int[0];
        private int[] depth = new int[0];
        private long[] at = new long[0];
        private double[] fileKey = new double[0];
        private long[] id = new long[0];
        private int[] position = new int[0];
        private Integer[] order = new Integer[0];

        Plan(SplittableRandom random, int[] perPost) {
            this.random = random;
            this.perPost = perPost;
        }

        void post(int post, Writer out) throws IOException {
            int count = perPost[post];
            largestPost = Math.max(largestPost, count);
            ensure(count);
            long span = (LAST_POST - FIRST_POST) / posts;
            long postedAt = FIRST_POST + post * span + random.nextLong(Math.max(1, span));
            long postId = 10 + 3L * post;
            String slug = GeneratedText.word(random) + "-" + GeneratedText.word(random) + "-" + postId;
            LocalDateTime local = local(postedAt);
            String link = String.format("%s/%04d/%02d/%s/", SITE, local.getYear(), local.getMonthValue(), slug);
            out.write("\t<item>\n\t\t<title><![CDATA[" + capitalized(slug.replace('-', ' ')) + "]]></title>\n"
                    + "\t\t<link>" + link + "</link>\n\t\t<dc:creator><![CDATA[maren]]></dc:creator>\n"
                    + "\t\t<guid isPermaLink=\"false\">" + SITE + "/?p=" + postId + "</guid>\n"
                    + "\t\t<description></description>\n\t\t<content:encoded><![CDATA[");
            text.setLength(0);
            GeneratedText.body(random, text);
            out.append(text);
            out.write("]]></content:encoded>\n\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
                    + "\t\t<wp:post_id>" + postId + "</wp:post_id>\n"
                    + "\t\t<wp:post_date><![CDATA[" + date(local) + "]]></wp:post_date>\n"
                    + "\t\t<wp:post_date_gmt><![CDATA[" + date(utc(postedAt)) + "]]></wp:post_date_gmt>\n"
                    + "\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n"
                    + "\t\t<wp:ping_status><![CDATA[open]]></wp:ping_status>\n"
                    + "\t\t<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n"
                    + "\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_parent>0</wp:post_parent>\n"
                    + "\t\t<wp:menu_order>0</wp:menu_order>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
                    + "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n"
                    + "\t\t<category domain=\"category\" nicename=\"notes\"><![CDATA[Notes]]></category>\n"
                    + "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>\n"
                    + "\t\t\t<wp:meta_value><![CDATA[1]]></wp:meta_value>\n\t\t</wp:postmeta>\n");
            plan(count, postedAt);
            for (int k = 0; k < count; k++) {
                comment(order[k], postId, out);
            }
            out.write("\t</item>\n");
        }

        /** Draws the post's tree and times, then its file order and ids. */
        private void plan(int count, long postedAt) {
            long meanGap = Math.max(60, 30L * 86_400 / count);
            long time = postedAt;
            for (int j = 0; j < count; j++) {
                time += 30 + (long) (-Math.log(1.0 - random.nextDouble()) * meanGap);
                at[j] = time;
                parent[j] = -1;
                depth[j] = 0;
                fileKey[j] = j + 1.0;
                if (j > 0 && random.nextInt(10) < 3) {
                    int p = random.nextInt(j);
                    parent[j] = p;
                    depth[j] = depth[p] + 1;
                    if (random.nextInt(12) == 0) {
                        // Written just before its parent, whatever else is written before that.
                        fileKey[j] = fileKey[p] - 1e-6 * (1 + random.nextDouble());
                    }
                }
            }
            for (int j = 0; j < count; j++) {
                order[j] = j;
            }
            double[] keys = fileKey;
            Arrays.sort(order, 0, count, Comparator.comparingDouble(j -> keys[j]));
            for (int k = 0; k < count; k++) {
                int j = order[k];
                position[j] = k;
                // Ids follow the file, with gaps where comments were deleted for good.
                nextCommentId += random.nextInt(20) == 0 ? 2 + random.nextInt(20) : 1;
                id[j] = nextCommentId;
            }
        }

        private void comment(int j, long postId, Writer out) throws IOException {
            int roll = random.nextInt(1000);
            byte type = parent[j] >= 0 ? COMMENT : roll < 10 ? PINGBACK : roll < 13 ? TRACKBACK : COMMENT;
            int statusRoll = random.nextInt(100);
            int status = statusRoll < 80 ? 0 : statusRoll < 88 ? 1 : statusRoll < 95 ? 2 : 3;
            statuses[status]++;
            boolean byOwner = type == COMMENT && random.nextInt(12) == 0;
            StringBuilder s = text;
            s.setLength(0);
            s.append("\t\t<wp:comment>\n\t\t\t<wp:comment_id>").append(id[j]).append("</wp:comment_id>\n");
            s.append("\t\t\t<wp:comment_author><![CDATA[");
            String url;
            String email;
            if (type != COMMENT) {
                long source = ++linkbackSources;
                url = "https://blog-" + source + ".example/" + GeneratedText.word(random) + "-" + source + "/";
                email = "";
                if (type == PINGBACK) {
                    s.append(capitalized(GeneratedText.word(random))).append(" &#8211; ")
                            .append(GeneratedText.blogName(random));
                    pingbacks++;
                } else {
                    s.append(GeneratedText.blogName(random));
                    trackbacks++;
                }
            } else if (byOwner) {
                s.append("Maren Holt");
                url = SITE;
                email = "maren@blog.example";
            } else {
                GeneratedText.authorName(random, s);
                long guest = random.nextInt(50_000);
                url = random.nextInt(10) < 3 ? "https://site-" + guest + ".example/" : "";
                email = random.nextInt(10) == 0 ? "" : "guest" + guest + "@example.com";
            }
            s.append("]]></wp:comment_author>\n\t\t\t<wp:comment_author_email><![CDATA[").append(email)
                    .append("]]></wp:comment_author_email>\n\t\t\t<wp:comment_author_url>").append(url)
                    .append("</wp:comment_author_url>\n\t\t\t<wp:comment_author_IP><![CDATA[");
            ip(s);
            LocalDateTime local = local(at[j]);
            s.append("]]></wp:comment_author_IP>\n\t\t\t<wp:comment_date><![CDATA[").append(date(local))
                    .append("]]></wp:comment_date>\n\t\t\t<wp:comment_date_gmt><![CDATA[");
            if (random.nextInt(500) == 0) {
                s.append(ZERO_DATE);
                missingGmt++;
            } else {
                s.append(date(utc(at[j])));
            }
            s.append("]]></wp:comment_date_gmt>\n\t\t\t<wp:comment_content><![CDATA[");
            int content = s.length();
            if (type == PINGBACK) {
                s.append("[&#8230;] ");
                GeneratedText.sentence(random, s, false);
                s.append(" [&#8230;]");
            } else if (type == TRACKBACK) {
                s.append("<strong>").append(capitalized(GeneratedText.word(random))).append("</strong>\n\n");
                GeneratedText.sentence(random, s, false);
            } else {
                GeneratedText.body(random, s);
            }
            cdataEscape(s, content);
            s.append("]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[").append(STATUSES[status])
                    .append("]]></wp:comment_approved>\n\t\t\t<wp:comment_type><![CDATA[")
                    .append(type == PINGBACK ? "pingback" : type == TRACKBACK ? "trackback"
                            : at[j] < WORDPRESS_5_5 && random.nextInt(10) < 7 ? "" : "comment")
                    .append("]]></wp:comment_type>\n\t\t\t<wp:comment_parent>")
                    .append(parent[j] < 0 ? 0 : id[parent[j]]).append("</wp:comment_parent>\n")
                    .append("\t\t\t<wp:comment_user_id>").append(byOwner ? 1 : 0).append("</wp:comment_user_id>\n");
            boolean meta = false;
            if (random.nextInt(4) == 0) {
                meta("akismet_result", status == 2 ? "true" : "false", s);
                meta("akismet_history", "a:4:{s:4:\"time\";d:" + at[j] + ".1234;s:5:\"event\";s:"
                        + (status == 2 ? "10:\"check-spam\"" : "9:\"check-ham\"") + ";s:4:\"user\";s:0:\"\";"
                        + "s:7:\"message\";s:0:\"\";}", s);
                meta = true;
            }
            if (status == 3) {
                meta("_wp_trash_meta_status", random.nextInt(4) == 0 ? "0" : "1", s);
                meta("_wp_trash_meta_time", Long.toString(at[j] + 86_400), s);
                meta = true;
            }
            if (meta) {
                withMeta++;
            }
            s.append("\t\t</wp:comment>\n");
            out.append(s);
            if (parent[j] >= 0) {
                replies++;
                deepest = Math.max(deepest, depth[j]);
                if (position[j] < position[parent[j]]) {
                    repliesBeforeParent++;
                }
            }
        }

        private void ip(StringBuilder s) {
            int roll = random.nextInt(20);
            if (roll == 0) {
                return;
            }
            if (roll < 4) {
                s.append("2001:db8:").append(Integer.toHexString(random.nextInt(65_536))).append("::")
                        .append(Integer.toHexString(1 + random.nextInt(65_535)));
                return;
            }
            s.append(1 + random.nextInt(223)).append('.').append(random.nextInt(256)).append('.')
                    .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254));
        }

        private void meta(String key, String value, StringBuilder s) {
            s.append("\t\t\t<wp:commentmeta>\n\t\t\t\t<wp:meta_key><![CDATA[").append(key)
                    .append("]]></wp:meta_key>\n\t\t\t\t<wp:meta_value><![CDATA[").append(value)
                    .append("]]></wp:meta_value>\n\t\t\t</wp:commentmeta>\n");
        }

        private void ensure(int count) {
            if (parent.length < count) {
                int capacity = Math.max(count, parent.length * 2);
                parent = new int[capacity];
                depth = new int[capacity];
                at = new long[capacity];
                fileKey = new double[capacity];
                id = new long[capacity];
                position = new int[capacity];
                order = new Integer[capacity];
            }
        }

        Counts counts(long bytes) {
            return new Counts(comments, posts, attachments, statuses[0], statuses[1], statuses[2], statuses[3],
                    pingbacks, trackbacks, replies, repliesBeforeParent, missingGmt, withMeta, largestPost, deepest,
                    bytes);
        }
    }

    /** Splits a {@code ]]>} in content appended from {@code from} on, as WordPress's {@code wxr_cdata()} does. */
    private static void cdataEscape(StringBuilder s, int from) {
        for (int i = s.indexOf("]]>", from); i >= 0; i = s.indexOf("]]>", i + 15)) {
            s.replace(i, i + 3, "]]]]><![CDATA[>");
        }
    }

    private static LocalDateTime local(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        return LocalDateTime.ofEpochSecond(epochSecond, 0, LOCAL.getOffset(instant));
    }

    private static LocalDateTime utc(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    /** Formats {@code yyyy-MM-dd HH:mm:ss} by hand: a formatter per comment costs more than the rest of it. */
    private static String date(LocalDateTime t) {
        char[] c = "0000-00-00 00:00:00".toCharArray();
        two(c, 0, t.getYear() / 100);
        two(c, 2, t.getYear() % 100);
        two(c, 5, t.getMonthValue());
        two(c, 8, t.getDayOfMonth());
        two(c, 11, t.getHour());
        two(c, 14, t.getMinute());
        two(c, 17, t.getSecond());
        return new String(c);
    }

    private static void two(char[] c, int at, int value) {
        c[at] = (char) ('0' + value / 10);
        c[at + 1] = (char) ('0' + value % 10);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
