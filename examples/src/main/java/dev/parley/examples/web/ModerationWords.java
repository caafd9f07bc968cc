package dev.parley.examples.web;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Rules;
import dev.parley.core.moderation.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The demo's hold and block words, which a moderator edits on {@code /admin/words} or in a file, and the two
 * moderation rules that read them as they are now: a comment containing a hold word waits for a moderator, one
 * containing a block word is kept as spam (WordPress's "comment moderation" and "disallowed comment keys").
 *
 * <p>The words are kept in a small text file when there is one (next to the demo's database file):
 * <pre>
 * # comment lines start with #
 * [hold]
 * casino
 * [block]
 * cheap pills
 * </pre>
 * one word or phrase per line, matched anywhere in any field, in any case. Saving writes the whole file anew
 * (a temporary file moved over it), so a reader never sees half of it. Without a file (the in-memory store)
 * the words last until the demo stops.
 *
 * <p>Thread-safe: the lists are one immutable snapshot, replaced at once; saving is synchronized.
 */
public final class ModerationWords {

    /** The most words in one list. */
    public static final int MAX_WORDS = 500;
    /** The longest word or phrase. */
    public static final int MAX_WORD_LENGTH = 100;

    private final Optional<Path> file;
    private volatile Snapshot current;

    private ModerationWords(Optional<Path> file, Lists lists) {
        this.file = file;
        this.current = new Snapshot(lists);
    }

    /**
     * The words of a file, or none yet if it does not exist.
     *
     * @param file the file to read and save to, or empty to keep the words in memory only
     * @return the words
     * @throws UncheckedIOException if the file exists but cannot be read
     * @throws IllegalArgumentException if the file holds a line outside a {@code [hold]} or {@code [block]}
     *     section, or too many or too long words
     */
    public static ModerationWords load(Optional<Path> file) {
        Objects.requireNonNull(file, "file");
        if (file.isEmpty() || !Files.exists(file.get())) {
            return new ModerationWords(file, new Lists(List.of(), List.of()));
        }
        try {
            return new ModerationWords(file, parse(Files.readString(file.get(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the moderation words in " + file.get(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the moderation words in " + file.get() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The hold and block words now.
     *
     * @return the lists
     */
    public Lists lists() {
        return current.lists();
    }

    /**
     * Where the words are saved.
     *
     * @return the file, or empty when they are kept in memory only
     */
    public Optional<Path> file() {
        return file;
    }

    /**
     * Replaces both lists, saving them first when there is a file: the rules use them from the next comment on.
     *
     * @param lists the new lists
     * @throws UncheckedIOException if the file cannot be written; the lists in use stay as they were
     */
    public synchronized void save(Lists lists) {
        Objects.requireNonNull(lists, "lists");
        if (file.isPresent()) {
            Path target = file.get().toAbsolutePath();
            try {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), ".words", ".tmp");
                try {
                    Files.writeString(temporary, format(lists), StandardCharsets.UTF_8);
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the moderation words to " + target, e);
            }
        }
        current = new Snapshot(lists);
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

    /**
     * Reads lists from the file format.
     *
     * @param text the file's text
     * @return the lists
     * @throws IllegalArgumentException for a word outside a section, or too many or too long words
     */
    static Lists parse(String text) {
        List<String> hold = new ArrayList<>();
        List<String> block = new ArrayList<>();
        List<String> section = null;
        int number = 0;
        for (String raw : text.split("\r?\n|\r", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            switch (line.toLowerCase(Locale.ROOT)) {
                case "[hold]" -> section = hold;
                case "[block]" -> section = block;
                default -> {
                    if (section == null) {
                        throw new IllegalArgumentException("line " + number + " is not under [hold] or [block]");
                    }
                    section.add(line);
                }
            }
        }
        return new Lists(hold, block);
    }

    /**
     * Writes lists in the file format.
     *
     * @param lists the lists
     * @return the file's text
     */
    static String format(Lists lists) {
        StringBuilder out = new StringBuilder("# Moderation words of the Parley demo: one word or phrase per line,\n"
                + "# matched anywhere in a comment's name, e-mail, website or text, in any case.\n"
                + "# Hold words send a comment to the moderation queue; block words keep it as spam.\n[hold]\n");
        lists.hold().forEach(word -> out.append(word).append('\n'));
        out.append("[block]\n");
        lists.block().forEach(word -> out.append(word).append('\n'));
        return out.toString();
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

    /** The lists and the engine's rules built from them. */
    private record Snapshot(Lists lists, ModerationRule hold, ModerationRule block) {
        Snapshot(Lists lists) {
            this(lists, Rules.holdWords(lists.hold()), Rules.blockWords(lists.block()));
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
            return rule.apply(current).evaluate(submission, context);
        }
    }
}
