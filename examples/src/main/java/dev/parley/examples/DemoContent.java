package dev.parley.examples;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.LinkbackRequest;
import dev.parley.core.LinkbackResult;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.StatusCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The demo's built-in posts and seeded conversation, written for Parley: readers answering the post's question, replies several
 * levels deep, the post's author answering as a signed-in user, a pingback and a trackback from other blogs,
 * and one comment held for moderation (three links) that only the moderation page shows.
 *
 * <p>Everything goes through the engine, as a real comment would, with a clock stepped forward between
 * comments, so html, moderation reasons, depths and timestamps are exactly what the engine produces.
 *
 * <p>Thread-safe: stateless; seed once, before serving.
 */
public final class DemoContent {

    private DemoContent() {
    }

    /**
     * The built-in posts, written for Parley, newest first. The first ends with a question to its readers and
     * links to the Webmention Recommendation; the second has a short exchange under it.
     *
     * @return the posts
     */
    public static List<Post> posts() {
        Instant threadsAt = Instant.parse("2026-11-20T08:30:00Z");
        Post threads = new Post(
                "do-comment-threads-still-matter",
                "Do comment threads still matter?",
                Blog.AUTHOR_NAME,
                Blog.AUTHOR_USER_ID,
                String.join("\n\n",
                        "For a few years it looked as if the comment section was finished. Conversations moved to "
                                + "social networks, and many of us switched our blogs' comments off, partly out of "
                                + "tiredness with spam and partly because nobody seemed to use them.",
                        "Yet the best things I learned from this blog came from readers who wrote back: a "
                                + "correction from someone who actually ran the system I described, a question that "
                                + "turned into a second post, a reply to a reply that settled an argument more kindly "
                                + "than I could have.",
                        "Linkbacks did something similar between blogs. A pingback or a "
                                + "[webmention](https://www.w3.org/TR/webmention/) is a small note saying \"I wrote "
                                + "about this too\", and following those notes is how I found half the writers I "
                                + "still read.",
                        "So I turned comments back on, threaded this time, with a moderation queue I can live "
                                + "with and no third-party script on the page.",
                        "What made you stop, or keep, commenting on blogs? Tell me below, or link to this post from "
                                + "your own blog and it will show up here."),
                threadsAt, threadsAt, false);
        Instant moderationAt = Instant.parse("2026-11-12T17:05:00Z");
        Post moderation = new Post(
                "a-moderation-queue-i-can-live-with",
                "A moderation queue I can live with",
                Blog.AUTHOR_NAME,
                Blog.AUTHOR_USER_ID,
                String.join("\n\n",
                        "Holding every comment for review is safe and exhausting. Holding none is pleasant until "
                                + "the first wave of link spam.",
                        "The rule that works for me is the old one: a comment with two or more links waits for "
                                + "me, and so does anyone who has never had a comment approved. Everyone else "
                                + "appears at once.",
                        "Which moderation rules have worked for you?"),
                moderationAt, moderationAt, false);
        return List.of(threads, moderation);
    }

    /**
     * Adds each built-in post to the blog unless a post (even a deleted one) already has its slug. Every instance
     * may call it at every start: a post is inserted once per database, and what the admin edited or deleted
     * stays as the admin left it.
     *
     * @param blog the blog
     * @return how many posts were added
     */
    public static int seedPosts(Blog blog) {
        int added = 0;
        for (Post post : posts()) {
            if (blog.seed(post)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Seeds the demo conversation under the built-in {@link #posts()} if none of them has any comment yet
     * (whatever its status).
     *
     * @param store the store
     * @param settings the engine settings the demo runs with
     * @param tokenSecret the edit-token secret
     * @param clock the clock; seeded comments are dated after the post and before now
     * @return true if it seeded
     */
    public static boolean seedIfEmpty(CommentStore store, Settings settings, byte[] tokenSecret, Clock clock) {
        Objects.requireNonNull(store, "store");
        List<Post> posts = posts();
        Map<dev.parley.storage.ThreadKey, StatusCounts> counts =
                store.counts(posts.stream().map(Post::thread).toList());
        boolean empty = counts.values().stream()
                .allMatch(c -> c.pending() + c.approved() + c.spam() + c.deleted() == 0);
        if (!empty) {
            return false;
        }
        Post main = posts.get(0);
        Instant latest = main.publishedAt().plus(Duration.ofHours(48));
        Instant now = clock.instant();
        Duration shift = latest.isAfter(now) ? Duration.between(now, latest).plusHours(1) : Duration.ZERO;
        SeedClock seedClock = new SeedClock();
        CommentService seeding = CommentService.builder()
                .store(store)
                // Seeded readers post minutes apart from one address: the flood and known-author rules would
                // only get in the way of a fixed script.
                .settings(settings.toBuilder().floodInterval(Duration.ZERO).holdNewAuthors(false).build())
                .clock(seedClock)
                .tokenSecret(tokenSecret)
                .renderer(dev.parley.core.content.CommentRenderer.standard())
                .build();
        Script script = new Script(seeding, seedClock, shift);
        seedMainPost(script, main);
        seedSecondPost(script, posts.get(1));
        return true;
    }

    private static void seedMainPost(Script s, Post post) {
        Instant t = post.publishedAt();
        CommentId jonas = s.reader(post, null, t.plus(Duration.ofHours(3)), "Jonas Weber", "jonas@reader.example",
                null, "I stopped when every comment box started asking me to sign in with an account somewhere "
                        + "else first. Typing a name and a thought was the whole point.");
        CommentId mara1 = s.author(post, jonas, t.plus(Duration.ofHours(5)),
                "That was exactly my reason for keeping this form plain: a name, optionally an e-mail that is "
                        + "never shown, and your words. No account, no script.");
        CommentId jonas2 = s.reader(post, mara1, t.plus(Duration.ofHours(7)), "Jonas Weber", "jonas@reader.example",
                null, "Then I'm back. Does it at least remember that I wrote something, so I can fix a typo?");
        CommentId priya1 = s.reader(post, jonas2, t.plus(Duration.ofHours(8)), "Priya Raman", "priya@reader.example",
                "https://priya.example/", "It does: after posting you get an edit token in a cookie, and for "
                        + "fifteen minutes you can edit or delete your own comment with it.");
        s.author(post, priya1, t.plus(Duration.ofHours(9)),
                "Thanks Priya, better explained than I would have. The same token is why you see your own comment "
                        + "while it waits for moderation.");
        CommentId priya2 = s.reader(post, null, t.plus(Duration.ofHours(11)), "Priya Raman", "priya@reader.example",
                "https://priya.example/", "I never stopped, but I only comment on small blogs now. Big sites "
                        + "feel like shouting into a stadium; here it feels like a letter.");
        s.reader(post, priya2, t.plus(Duration.ofHours(13)), "Tomás Herrera", null, null,
                "A letter is a good way to put it. I also like that replies nest, so a side conversation does not "
                        + "bury the next person's answer.");
        s.linkback(post, Kind.PINGBACK, t.plus(Duration.ofHours(20)),
                "https://fieldnotes.example/2026/11/comment-sections-revisited",
                "Comment sections, revisited", "Field Notes",
                "Mara asks what made us stop commenting. For me it was the noise, and what brings me back is a "
                        + "thread where the author answers.");
        CommentId ana = s.reader(post, null, t.plus(Duration.ofHours(26)), "Ana Costa", "ana@reader.example", null,
                "I comment when I can see the author is reading. Your answers above are the reason I'm writing this.");
        s.author(post, ana, t.plus(Duration.ofHours(27)),
                "I read every one, and I promise to keep answering. The moderation queue is small enough for that.");
        s.linkback(post, Kind.TRACKBACK, t.plus(Duration.ofHours(30)),
                "https://slowweb.example/notes/linkbacks-are-small-letters",
                "Linkbacks are small letters", "The Slow Web Journal",
                "A pingback is a note slipped under the door of another blog: I wrote about this too. This week "
                        + "Mara's post got one from us.");
        s.reader(post, null, t.plus(Duration.ofHours(40)), "Ole Brandt", null, null,
                "The question at the end of the post is what made me write at all. More posts should end with one.");
        // Three links: the link rule holds it, and only the moderation page lists it.
        s.reader(post, null, t.plus(Duration.ofHours(44)), "Deals Daily", "offers@deals.example",
                "https://deals.example/", "Great post! Also see https://deals.example/watches and "
                        + "https://deals.example/bags and https://deals.example/shoes for the best prices.");
    }

    private static void seedSecondPost(Script s, Post post) {
        Instant t = post.publishedAt();
        CommentId lena = s.reader(post, null, t.plus(Duration.ofHours(2)), "Lena Vogt", null, null,
                "Holding first-time commenters worked for me for years, until it felt unfriendly to newcomers.");
        s.author(post, lena, t.plus(Duration.ofHours(4)),
                "Same here. That is why this blog only holds comments with links now.");
    }

    /** Posts the seeded comments, each at its own time. */
    private static final class Script {
        private final CommentService comments;
        private final SeedClock clock;
        private final Duration shift;

        Script(CommentService comments, SeedClock clock, Duration shift) {
            this.comments = comments;
            this.clock = clock;
            this.shift = shift;
        }

        CommentId reader(Post post, @Nullable CommentId parent, Instant at, String name, @Nullable String email,
                @Nullable String url, String text) {
            clock.set(at.minus(shift));
            return accepted(comments.post(PostRequest.builder(post.thread(), text)
                    .inReplyTo(parent)
                    .author(name, email, url)
                    .client(ClientContext.of("192.0.2.10", "Parley demo seed"))
                    .build()));
        }

        CommentId author(Post post, CommentId parent, Instant at, String text) {
            clock.set(at.minus(shift));
            return accepted(comments.post(PostRequest.builder(post.thread(), text)
                    .inReplyTo(parent)
                    .user(post.authorUserId(), post.author())
                    .trusted(true)
                    .build()));
        }

        void linkback(Post post, Kind kind, Instant at, String source, String title, String blogName, String excerpt) {
            clock.set(at.minus(shift));
            LinkbackResult result = comments.recordLinkback(new LinkbackRequest(post.thread(), kind, source, title,
                    excerpt, blogName, ClientContext.of("198.51.100.7", "Parley demo seed")));
            if (!(result instanceof LinkbackResult.Recorded)) {
                throw new IllegalStateException("seeding a linkback failed: " + result);
            }
        }

        private static CommentId accepted(PostResult result) {
            if (result instanceof PostResult.Accepted accepted) {
                Comment comment = accepted.comment();
                return comment.id();
            }
            throw new IllegalStateException("seeding a comment failed: " + result);
        }
    }

    /** A clock the script sets before each comment. */
    private static final class SeedClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
