package dev.parley.migrate;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Plans and writes {@link WxrGenerator}'s items, one post at a time: the post's comment tree and times, then
 * their order in the file and their ids, then the XML; and counts what it wrote. Holds one post's plan, reused
 * from post to post.
 *
 * <p>Not thread-safe: one per file written.
 */
final class GeneratedPosts {

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

    private final SplittableRandom random;
    private final int[] perPost;
    private final int posts;
    private final long comments;
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

    GeneratedPosts(SplittableRandom random, int[] perPost, long comments) {
        this.random = random;
        this.perPost = perPost;
        this.posts = perPost.length;
        this.comments = comments;
    }

    /** Plans a post's comments and writes its item. */
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

    /** Writes an attachment item, which has no comments. */
    void attachment(int post, Writer out) throws IOException {
        long id = 1_000_000_000L + post;
        out.write("\t<item>\n\t\t<title><![CDATA[image-" + post + "]]></title>\n\t\t<link>" + SITE + "/image-"
                + post + "/</link>\n\t\t<wp:post_id>" + id + "</wp:post_id>\n\t\t<wp:post_type><![CDATA[attachment]]>"
                + "</wp:post_type>\n\t\t<wp:attachment_url><![CDATA[" + SITE + "/wp-content/uploads/image-" + post
                + ".jpg]]></wp:attachment_url>\n\t</item>\n");
        attachments++;
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

    /** Returns what was written, given the bytes it took. */
    WxrGenerator.Counts counts(long bytes) {
        return new WxrGenerator.Counts(comments, posts, attachments, statuses[0], statuses[1], statuses[2], statuses[3],
                pingbacks, trackbacks, replies, repliesBeforeParent, missingGmt, withMeta, largestPost, deepest,
                bytes);
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
}
