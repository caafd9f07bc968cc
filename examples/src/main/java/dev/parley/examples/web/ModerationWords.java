package dev.parley.examples.web;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Rules;
import dev.parley.core.moderation.Submission;
import dev.parley.storage.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's hold and block words, which a moderator edits on {@code /admin/words}, and the two moderation rules
 * that read them: a comment containing a hold word waits for a moderator, one containing a block word is kept as
 * spam (WordPress's "comment moderation" and "disallowed comment keys").
 *
 * <p>The words are kept in a {@link WordStore}: on a database the table every instance shares
 * ({@code JdbcWordStore}), on the in-memory store this JVM's memory. So that the rules cost no query at most
 * comments, each instance judges comments by its own copy and reads the words again when the copy is older than
 * {@link #REFRESH_INTERVAL} on the demo's clock; a save on this instance is used here from the next comment on,
 * and on the other instances within that interval. If reading them again fails, the copy stays in use and the
 * read is tried again one interval later (logged at WARN).
 *
 * <p>Thread-safe: the copy is one immutable snapshot in a volatile field, replaced at once; reading again and
 * saving are serialized by a lock that a comment never waits for (while another thread reads the words again,
 * a comment is judged by the copy).
 */
public final class ModerationWords {

    /** The most words in one list. */
    public static final int MAX_WORDS = 500;
    /** The longest word or phrase. */
    public static final int MAX_WORD_LENGTH = 100;
    /**
     * How old an instance's copy of the words may get before a comment makes it read them again: how long an edit
     * on one instance takes at most to apply on the others.
     */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ModerationWords.class);

    private final WordStore store;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot current;

    /**
     * Reads the words from where they are kept.
     *
     * @param store where the words are kept
     * @param clock the clock the copy's age is measured on
     * @throws StoreException if the words cannot be read
     */
    public ModerationWords(WordStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.current = new Snapshot(store.load(), clock.instant());
    }

    /**
     * The hold and block words as kept now, read afresh (a moderator edits these, not a copy up to
     * {@link #REFRESH_INTERVAL} old); this instance's rules use them from now on.
     *
     * @return the lists
     * @throws StoreException if the words cannot be read
     */
    public Lists lists() {
        reading.lock();
        try {
            Snapshot read = new Snapshot(store.load(), clock.instant());
            current = read;
            return read.lists();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Where the words are kept, for the words page.
     *
     * @return a sentence
     */
    public String description() {
        return store.description();
    }

    /**
     * Replaces both lists, all or nothing: this instance's rules use them from the next comment on, the other
     * instances' within {@link #REFRESH_INTERVAL}.
     *
     * @param lists the new lists
     * @throws StoreException if they cannot be saved; the lists kept and in use stay as they were
     */
    public void save(Lists lists) {
        Objects.requireNonNull(lists, "lists");
        reading.lock();
        try {
            store.save(lists);
            current = new Snapshot(lists, clock.instant());
        } finally {
            reading.unlock();
        }
    }

    /**
     * The rule that keeps as spam a comment containing a block word, named {@code block-words} as the engine's.
     *
     * @return the rule, reading the words in use at each comment
     */
    public ModerationRule blockRule() {
        return new Live("block-words", Snapshot::block);
    }

    /**
     * The rule that holds a comment containing a hold word, named {@code hold-words} as the engine's.
     *
     * @return the rule, reading the words in use at each comment
     */
    public ModerationRule holdRule() {
        return new Live("hold-words", Snapshot::hold);
    }

    /** The copy in use, read again first when it is due and no other thread is reading it. */
    private Snapshot current() {
        Snapshot snapshot = current;
        if (!snapshot.dueAt(clock.instant()) || !reading.tryLock()) {
            return snapshot;
        }
        try {
            Instant now = clock.instant();
            snapshot = current;
            if (!snapshot.dueAt(now)) {
                return snapshot;
            }
            try {
                snapshot = new Snapshot(store.load(), now);
            } catch (RuntimeException e) {
                LOG.warn("could not read the moderation words again; the copy from {} stays in use for {} s: {}",
                        snapshot.readAt(), REFRESH_INTERVAL.toSeconds(), e.getMessage());
                snapshot = snapshot.readAgainAt(now);
            }
            current = snapshot;
            return snapshot;
        } finally {
            reading.unlock();
        }
    }

    /**
     * The two lists: each word stripped, blank ones dropped, repeats (in any case) kept once.
     *
     * @param hold the words that hold a comment
     * @param block the words that keep a comment as spam
     */
    public record Lists(List<String> hold, List<String> block) {

        /**
         * Cleans and checks both lists.
         *
         * @throws IllegalArgumentException naming each list with more than {@value #MAX_WORDS} words or a word
         *     longer than {@value #MAX_WORD_LENGTH} characters
         */
        public Lists {
            List<String> problems = new ArrayList<>();
            hold = clean(hold, "hold", problems);
            block = clean(block, "block", problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join(" ", problems));
            }
        }

        /**
         * Lists from text with one word or phrase per line.
         *
         * @param hold the hold words' text
         * @param block the block words' text
         * @return the lists
         * @throws IllegalArgumentException as the constructor
         */
        public static Lists fromLines(String hold, String block) {
            return new Lists(List.of(hold.split("\r?\n|\r")), List.of(block.split("\r?\n|\r")));
        }

        private static List<String> clean(List<String> words, String name, List<String> problems) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> kept = new ArrayList<>();
            for (String word : words) {
                String stripped = word.strip();
                if (stripped.isEmpty() || !seen.add(stripped.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (stripped.length() > MAX_WORD_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
                    problems.add("Each " + name + " word must be one line of at most " + MAX_WORD_LENGTH
                            + " characters.");
                    return List.of();
                }
                kept.add(stripped);
            }
            if (kept.size() > MAX_WORDS) {
                problems.add("There can be at most " + MAX_WORDS + " " + name + " words.");
                return List.of();
            }
            return List.copyOf(kept);
        }
    }

    /** The lists, the engine's rules built from them, and when they were read. */
    private record Snapshot(Lists lists, ModerationRule hold, ModerationRule block, Instant readAt) {
        Snapshot(Lists lists, Instant readAt) {
            this(lists, Rules.holdWords(lists.hold()), Rules.blockWords(lists.block()), readAt);
        }

        /** Whether the copy is too old at the instant, or read in its future (a clock set back). */
        boolean dueAt(Instant now) {
            return now.isBefore(readAt) || !now.isBefore(readAt.plus(REFRESH_INTERVAL));
        }

        Snapshot readAgainAt(Instant now) {
            return new Snapshot(lists, hold, block, now);
        }
    }

    /** A rule that asks the engine's rule of the words in use now. */
    private final class Live implements ModerationRule {
        private final String name;
        private final Function<Snapshot, ModerationRule> rule;

        Live(String name, Function<Snapshot, ModerationRule> rule) {
            this.name = name;
            this.rule = rule;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<Decision> evaluate(Submission submission, RuleContext context) {
            return rule.apply(current()).evaluate(submission, context);
        }
    }
}
