package dev.parley.core;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's settings: input limits, thread depth, the author's edit window, and the knobs of the default
 * moderation pipeline. Defaults follow WordPress's discussion settings.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@link #maxNameLength()}</td><td>245</td><td>1..245</td></tr>
 *   <tr><td>{@link #maxEmailLength()}</td><td>100</td><td>6..254</td></tr>
 *   <tr><td>{@link #maxUrlLength()}</td><td>200</td><td>12..2048</td></tr>
 *   <tr><td>{@link #maxTextLength()}</td><td>65,535</td><td>1..65,535</td></tr>
 *   <tr><td>{@link #requireName()}, {@link #requireEmail()}</td><td>true, true</td><td></td></tr>
 *   <tr><td>{@link #maxDepth()}</td><td>5</td><td>1..20</td></tr>
 *   <tr><td>{@link #editWindow()}</td><td>15 minutes</td><td>0..30 days (0: authors cannot edit)</td></tr>
 *   <tr><td>{@link #floodInterval()}</td><td>15 seconds</td><td>0..1 day (0: off)</td></tr>
 *   <tr><td>{@link #linkLimit()}</td><td>2</td><td>0..100 (0: off)</td></tr>
 *   <tr><td>{@link #holdWords()}, {@link #blockWords()}</td><td>empty</td><td></td></tr>
 *   <tr><td>{@link #moderateAll()}</td><td>false</td><td></td></tr>
 *   <tr><td>{@link #holdNewAuthors()}</td><td>true</td><td></td></tr>
 *   <tr><td>{@link #knownAuthorLookback()}</td><td>1000</td><td>1..1000</td></tr>
 *   <tr><td>{@link #reportOnly()}</td><td>empty</td><td>names of default rules</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}, derive with {@link #toBuilder()}.
 */
public final class Settings {

    /** The names of the default pipeline's rules, in order, for {@link Builder#reportOnly(Set)}. */
    public static final List<String> DEFAULT_RULE_NAMES = List.of(
            "duplicate", "flood", "block-words", "moderate-all", "links", "hold-words", "known-author");

    private static final Settings DEFAULTS = builder().build();

    private final int maxNameLength;
    private final int maxEmailLength;
    private final int maxUrlLength;
    private final int maxTextLength;
    private final boolean requireName;
    private final boolean requireEmail;
    private final int maxDepth;
    private final Duration editWindow;
    private final Duration floodInterval;
    private final int linkLimit;
    private final List<String> holdWords;
    private final List<String> blockWords;
    private final boolean moderateAll;
    private final boolean holdNewAuthors;
    private final int knownAuthorLookback;
    private final Set<String> reportOnly;
    private final int repliesPerRoot;
    private final int repliesPerPage;

    private Settings(Builder b) {
        maxNameLength = b.maxNameLength;
        maxEmailLength = b.maxEmailLength;
        maxUrlLength = b.maxUrlLength;
        maxTextLength = b.maxTextLength;
        requireName = b.requireName;
        requireEmail = b.requireEmail;
        maxDepth = b.maxDepth;
        editWindow = b.editWindow;
        floodInterval = b.floodInterval;
        linkLimit = b.linkLimit;
        holdWords = List.copyOf(b.holdWords);
        blockWords = List.copyOf(b.blockWords);
        moderateAll = b.moderateAll;
        holdNewAuthors = b.holdNewAuthors;
        knownAuthorLookback = b.knownAuthorLookback;
        reportOnly = Set.copyOf(b.reportOnly);
        repliesPerRoot = b.repliesPerRoot;
        repliesPerPage = b.repliesPerPage;
    }

    /**
     * Returns the default settings.
     *
     * @return the defaults
     */
    public static Settings defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the longest author name accepted */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** @return the longest e-mail address accepted */
    public int maxEmailLength() {
        return maxEmailLength;
    }

    /** @return the longest author URL accepted */
    public int maxUrlLength() {
        return maxUrlLength;
    }

    /** @return the longest comment text accepted, in characters */
    public int maxTextLength() {
        return maxTextLength;
    }

    /** @return whether an anonymous author must give a name */
    public boolean requireName() {
        return requireName;
    }

    /** @return whether an anonymous author must give an e-mail address */
    public boolean requireEmail() {
        return requireEmail;
    }

    /** @return the deepest reply level; a reply to a comment at this level attaches beside it */
    public int maxDepth() {
        return maxDepth;
    }

    /** @return how long after posting an author may edit or delete with the edit token */
    public Duration editWindow() {
        return editWindow;
    }

    /** @return the shortest time between two comments of one client; zero turns the rule off */
    public Duration floodInterval() {
        return floodInterval;
    }

    /** @return the number of links that holds a comment; zero turns the rule off */
    public int linkLimit() {
        return linkLimit;
    }

    /** @return words that hold a comment when found in any field */
    public List<String> holdWords() {
        return holdWords;
    }

    /** @return words that mark a comment spam when found in any field */
    public List<String> blockWords() {
        return blockWords;
    }

    /** @return whether every comment is held for a moderator */
    public boolean moderateAll() {
        return moderateAll;
    }

    /** @return whether an author without an approved comment is held (WordPress's default) */
    public boolean holdNewAuthors() {
        return holdNewAuthors;
    }

    /** @return how many of the newest approved comments are searched for an author's earlier approval */
    public int knownAuthorLookback() {
        return knownAuthorLookback;
    }

    /** @return names of default rules that run in report-only mode */
    public Set<String> reportOnly() {
        return reportOnly;
    }

    /**
     * @return the most replies a thread page reads under one root (the oldest ones); the rest of the subtree
     *     is behind the root's "more replies" cursor ({@link ThreadNode#moreReplies()})
     */
    public int repliesPerRoot() {
        return repliesPerRoot;
    }

    /**
     * @return the most replies a thread page reads in all, across its roots, and the most a page of replies
     *     under one root ({@link CommentService#replies}) holds
     */
    public int repliesPerPage() {
        return repliesPerPage;
    }

    @Override
    public String toString() {
        return "Settings[maxNameLength=" + maxNameLength + ", maxEmailLength=" + maxEmailLength + ", maxUrlLength="
                + maxUrlLength + ", maxTextLength=" + maxTextLength + ", requireName=" + requireName
                + ", requireEmail=" + requireEmail + ", maxDepth=" + maxDepth + ", editWindow=" + editWindow
                + ", floodInterval=" + floodInterval + ", linkLimit=" + linkLimit + ", holdWords=" + holdWords.size()
                + ", blockWords=" + blockWords.size() + ", moderateAll=" + moderateAll + ", holdNewAuthors="
                + holdNewAuthors + ", knownAuthorLookback=" + knownAuthorLookback + ", reportOnly=" + reportOnly
                + ", repliesPerRoot=" + repliesPerRoot + ", repliesPerPage=" + repliesPerPage + "]";
    }

    /**
     * Collects settings; {@link #build()} checks them all at once. Not thread-safe.
     */
    public static final class Builder {
        private int maxNameLength = 245;
        private int maxEmailLength = 100;
        private int maxUrlLength = 200;
        private int maxTextLength = Comment.MAX_TEXT_LENGTH;
        private boolean requireName = true;
        private boolean requireEmail = true;
        private int maxDepth = 5;
        private Duration editWindow = Duration.ofMinutes(15);
        private Duration floodInterval = Duration.ofSeconds(15);
        private int linkLimit = 2;
        private List<String> holdWords = List.of();
        private List<String> blockWords = List.of();
        private boolean moderateAll;
        private boolean holdNewAuthors = true;
        private int knownAuthorLookback = PageRequest.MAX_LIMIT;
        private Set<String> reportOnly = Set.of();
        private int repliesPerRoot = 50;
        private int repliesPerPage = 250;

        private Builder() {
        }

        private Builder(Settings s) {
            maxNameLength = s.maxNameLength;
            maxEmailLength = s.maxEmailLength;
            maxUrlLength = s.maxUrlLength;
            maxTextLength = s.maxTextLength;
            requireName = s.requireName;
            requireEmail = s.requireEmail;
            maxDepth = s.maxDepth;
            editWindow = s.editWindow;
            floodInterval = s.floodInterval;
            linkLimit = s.linkLimit;
            holdWords = s.holdWords;
            blockWords = s.blockWords;
            moderateAll = s.moderateAll;
            holdNewAuthors = s.holdNewAuthors;
            knownAuthorLookback = s.knownAuthorLookback;
            reportOnly = s.reportOnly;
            repliesPerRoot = s.repliesPerRoot;
            repliesPerPage = s.repliesPerPage;
        }

        /**
         * Sets the longest author name accepted.
         *
         * @param value 1 to 245
         * @return this builder
         */
        public Builder maxNameLength(int value) {
            maxNameLength = value;
            return this;
        }

        /**
         * Sets the longest e-mail address accepted.
         *
         * @param value 6 to 254
         * @return this builder
         */
        public Builder maxEmailLength(int value) {
            maxEmailLength = value;
            return this;
        }

        /**
         * Sets the longest author URL accepted.
         *
         * @param value 12 to 2048
         * @return this builder
         */
        public Builder maxUrlLength(int value) {
            maxUrlLength = value;
            return this;
        }

        /**
         * Sets the longest text accepted.
         *
         * @param value 1 to 65,535 characters
         * @return this builder
         */
        public Builder maxTextLength(int value) {
            maxTextLength = value;
            return this;
        }

        /**
         * Sets whether an anonymous author must give a name; without one the name is "Anonymous".
         *
         * @param value true to require it
         * @return this builder
         */
        public Builder requireName(boolean value) {
            requireName = value;
            return this;
        }

        /**
         * Sets whether an anonymous author must give an e-mail address.
         *
         * @param value true to require it
         * @return this builder
         */
        public Builder requireEmail(boolean value) {
            requireEmail = value;
            return this;
        }

        /**
         * Sets the deepest reply level.
         *
         * @param value 1 to 20
         * @return this builder
         */
        public Builder maxDepth(int value) {
            maxDepth = value;
            return this;
        }

        /**
         * Sets the author's edit window.
         *
         * @param value 0 to 30 days
         * @return this builder
         */
        public Builder editWindow(Duration value) {
            editWindow = value;
            return this;
        }

        /**
         * Sets the flood interval.
         *
         * @param value 0 (off) to 1 day
         * @return this builder
         */
        public Builder floodInterval(Duration value) {
            floodInterval = value;
            return this;
        }

        /**
         * Sets the number of links that holds a comment.
         *
         * @param value 0 (off) to 100
         * @return this builder
         */
        public Builder linkLimit(int value) {
            linkLimit = value;
            return this;
        }

        /**
         * Sets the hold words.
         *
         * @param value the words, matched case-insensitively as substrings of every field
         * @return this builder
         */
        public Builder holdWords(Collection<String> value) {
            holdWords = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the block words; a match marks the comment spam.
         *
         * @param value the words, matched case-insensitively as substrings of every field
         * @return this builder
         */
        public Builder blockWords(Collection<String> value) {
            blockWords = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets whether every comment is held.
         *
         * @param value true to hold everything
         * @return this builder
         */
        public Builder moderateAll(boolean value) {
            moderateAll = value;
            return this;
        }

        /**
         * Sets whether an author without an approved comment is held.
         *
         * @param value true to hold new authors
         * @return this builder
         */
        public Builder holdNewAuthors(boolean value) {
            holdNewAuthors = value;
            return this;
        }

        /**
         * Sets how many of the newest approved comments are searched for an author's earlier approval.
         *
         * @param value 1 to 1000
         * @return this builder
         */
        public Builder knownAuthorLookback(int value) {
            knownAuthorLookback = value;
            return this;
        }

        /**
         * Sets which default rules run in report-only mode.
         *
         * @param value names from {@link #DEFAULT_RULE_NAMES}
         * @return this builder
         */
        public Builder reportOnly(Set<String> value) {
            reportOnly = value == null ? null : Set.copyOf(value);
            return this;
        }

        /**
         * Sets the most replies a thread page reads under one root, oldest first; a root with more carries a
         * "more replies" cursor. Bounds what one long subtree costs a page. Default 50.
         *
         * @param value 1 to 1000, at most {@link #repliesPerPage(int)}
         * @return this builder
         */
        public Builder repliesPerRoot(int value) {
            repliesPerRoot = value;
            return this;
        }

        /**
         * Sets the most replies a thread page reads in all, and the size of a page of replies under one root.
         * Roots past the budget show fewer replies, or none, and carry a "more replies" cursor. Default 250.
         *
         * @param value 1 to 1000, at least {@link #repliesPerRoot(int)}
         * @return this builder
         */
        public Builder repliesPerPage(int value) {
            repliesPerPage = value;
            return this;
        }

        /**
         * Checks every setting and builds.
         *
         * @return the settings
         * @throws IllegalArgumentException naming every bad setting at once
         */
        public Settings build() {
            List<String> problems = new ArrayList<>();
            range(problems, "maxNameLength", maxNameLength, 1, Author.MAX_NAME_LENGTH);
            range(problems, "maxEmailLength", maxEmailLength, 6, Author.MAX_EMAIL_LENGTH);
            range(problems, "maxUrlLength", maxUrlLength, 12, Author.MAX_URL_LENGTH);
            range(problems, "maxTextLength", maxTextLength, 1, Comment.MAX_TEXT_LENGTH);
            range(problems, "maxDepth", maxDepth, 1, 20);
            duration(problems, "editWindow", editWindow, Duration.ofDays(30));
            duration(problems, "floodInterval", floodInterval, Duration.ofDays(1));
            range(problems, "linkLimit", linkLimit, 0, 100);
            range(problems, "knownAuthorLookback", knownAuthorLookback, 1, PageRequest.MAX_LIMIT);
            range(problems, "repliesPerRoot", repliesPerRoot, 1, PageRequest.MAX_LIMIT);
            range(problems, "repliesPerPage", repliesPerPage, 1, PageRequest.MAX_LIMIT);
            if (repliesPerRoot > repliesPerPage) {
                problems.add("repliesPerRoot must not exceed repliesPerPage, was " + repliesPerRoot + " > "
                        + repliesPerPage);
            }
            words(problems, "holdWords", holdWords);
            words(problems, "blockWords", blockWords);
            if (reportOnly == null) {
                problems.add("reportOnly must not be null");
            } else {
                Set<String> unknown = new TreeSet<>(reportOnly);
                unknown.removeAll(DEFAULT_RULE_NAMES);
                if (!unknown.isEmpty()) {
                    problems.add("reportOnly must name default rules " + DEFAULT_RULE_NAMES + ", unknown: " + unknown);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid settings: " + String.join("; ", problems));
            }
            return new Settings(this);
        }

        private static void range(List<String> problems, String name, int value, int min, int max) {
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + value);
            }
        }

        private static void duration(List<String> problems, String name, Duration value, Duration max) {
            if (value == null) {
                problems.add(name + " must not be null");
            } else if (value.isNegative() || value.compareTo(max) > 0) {
                problems.add(name + " must be between 0 and " + max + ", was " + value);
            }
        }

        private static void words(List<String> problems, String name, List<String> words) {
            if (words == null) {
                problems.add(name + " must not be null");
            } else if (words.stream().anyMatch(Objects::isNull)) {
                problems.add(name + " must not contain null");
            }
        }
    }
}
