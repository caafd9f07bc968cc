package dev.parley.core.moderation;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.InsertConditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of {@link ModerationRule}s and how their decisions combine.
 *
 * <p><b>Combination.</b> Rules run in order. The most severe verdict wins ({@link Verdict#REJECT} over
 * {@link Verdict#SPAM} over {@link Verdict#HOLD} over {@link Verdict#APPROVE}); among equals the first rule
 * wins. A rejection or a spam verdict stops the pipeline at once, so later rules (a network spam check) are
 * not consulted for a submission already decided. When no rule decides, the submission is approved with the
 * reason {@value #NO_OBJECTION}. An approval therefore never overrides a hold: a known author's comment with
 * too many links is still held, as in WordPress.
 *
 * <p><b>Reasons.</b> The stored reason is the verdict's word and the winning rule's detail
 * ({@code "held: 3 links, limit 2"}), followed by notes and report-only findings in rule order, separated
 * by {@code "; "}.
 *
 * <p><b>Report-only mode.</b> A rule added with {@link Builder#reportOnly(ModerationRule)} is evaluated but
 * never acts: its decision becomes a finding such as {@code "report-only: would hold: 3 links, limit 2"}.
 * Use it to try a rule on live traffic before enforcing it.
 *
 * <p>Immutable and thread-safe when its rules are.
 */
public final class ModerationPipeline {

    /** The reason stored when no rule decided. */
    public static final String NO_OBJECTION = "approved: no rule objected";

    private final List<Entry> entries;

    private record Entry(ModerationRule rule, boolean reportOnly) {
    }

    private ModerationPipeline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Returns an empty builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the names of the rules in order, report-only ones marked with a {@code "report-only:"} prefix.
     *
     * @return an unmodifiable list
     */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            names.add(entry.reportOnly() ? "report-only:" + entry.rule().name() : entry.rule().name());
        }
        return List.copyOf(names);
    }

    /**
     * Judges a submission.
     *
     * @param submission what is posted
     * @param store the store the rules may consult
     * @param now the time of the evaluation
     * @return the outcome
     * @throws NullPointerException naming the argument, if one is null
     */
    public ModerationOutcome evaluate(Submission submission, CommentStore store, Instant now) {
        Objects.requireNonNull(submission, "submission must not be null");
        Objects.requireNonNull(store, "store must not be null");
        Objects.requireNonNull(now, "now must not be null");
        Context context = new Context(store, now);
        Decision winner = null;
        for (Entry entry : entries) {
            context.reportOnly = entry.reportOnly();
            Optional<Decision> found = entry.rule().evaluate(submission, context);
            Objects.requireNonNull(found, () -> "rule " + entry.rule().name() + " returned null");
            if (found.isEmpty()) {
                continue;
            }
            Decision decision = found.get();
            if (entry.reportOnly()) {
                context.note("report-only: would " + conditional(decision.verdict()) + ": " + decision.reason());
                continue;
            }
            if (winner == null || decision.verdict().outranks(winner.verdict())) {
                winner = decision;
            }
            if (winner.verdict() == Verdict.REJECT || winner.verdict() == Verdict.SPAM) {
                break;
            }
        }
        if (winner == null) {
            return new ModerationOutcome(Verdict.APPROVE, null, context.join(NO_OBJECTION), context.conditions);
        }
        if (winner.verdict() == Verdict.REJECT) {
            return new ModerationOutcome(Verdict.REJECT, winner.code(), context.join("rejected: " + winner.reason()),
                    InsertConditions.NONE, winner.retryAfter());
        }
        return new ModerationOutcome(winner.verdict(), winner.code(),
                context.join(word(winner.verdict()) + ": " + winner.reason()), context.conditions);
    }

    private static String word(Verdict verdict) {
        return switch (verdict) {
            case APPROVE -> "approved";
            case HOLD -> "held";
            case SPAM -> "spam";
            case REJECT -> "rejected";
        };
    }

    private static String conditional(Verdict verdict) {
        return switch (verdict) {
            case APPROVE -> "approve";
            case HOLD -> "hold";
            case SPAM -> "mark as spam";
            case REJECT -> "reject";
        };
    }

    private static final class Context implements RuleContext {
        private final CommentStore store;
        private final Instant now;
        private final List<String> notes = new ArrayList<>(2);
        private InsertConditions conditions = InsertConditions.NONE;
        private boolean reportOnly;

        Context(CommentStore store, Instant now) {
            this.store = store;
            this.now = now;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public CommentStore store() {
            return store;
        }

        @Override
        public void note(String note) {
            Objects.requireNonNull(note, "note must not be null");
            if (note.isBlank()) {
                throw new IllegalArgumentException("note must not be blank");
            }
            notes.add(note);
        }

        @Override
        public void requireUnique(String fingerprint) {
            InsertConditions asked = InsertConditions.NONE.withFingerprint(fingerprint);
            if (!reportOnly) {
                conditions = conditions.withFingerprint(asked.fingerprint());
            }
        }

        @Override
        public void requireQuiet(Set<String> keys, Instant since) {
            InsertConditions asked = InsertConditions.NONE.withQuietKeys(keys, since);
            if (!reportOnly) {
                conditions = conditions.withQuietKeys(asked.quietKeys(), since);
            }
        }

        String join(String reason) {
            StringBuilder joined = new StringBuilder(reason);
            for (String note : notes) {
                joined.append("; ").append(note);
            }
            // The stored reason has a hard limit; the winning reason comes first, so only notes get cut.
            if (joined.length() > Comment.MAX_REASON_LENGTH) {
                joined.setLength(Comment.MAX_REASON_LENGTH - 3);
                joined.append("...");
            }
            return joined.toString();
        }
    }

    /**
     * Collects the rules of a pipeline in order. Not thread-safe.
     */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        /**
         * Appends a rule that acts on its decisions.
         *
         * @param rule the rule
         * @return this builder
         * @throws NullPointerException if {@code rule} is null
         * @throws IllegalArgumentException if a rule with the same name was added
         */
        public Builder rule(ModerationRule rule) {
            return add(rule, false);
        }

        /**
         * Appends a rule in report-only mode: its decisions are recorded in the reason, never acted on.
         *
         * @param rule the rule
         * @return this builder
         * @throws NullPointerException if {@code rule} is null
         * @throws IllegalArgumentException if a rule with the same name was added
         */
        public Builder reportOnly(ModerationRule rule) {
            return add(rule, true);
        }

        /**
         * Appends rules in order, each acting or report-only as {@code reportOnly} names it.
         *
         * @param rules the rules
         * @param reportOnly names of the rules to add in report-only mode
         * @return this builder
         * @throws NullPointerException if an argument is null or holds null
         * @throws IllegalArgumentException if a name repeats or a report-only name matches no rule
         */
        public Builder rules(List<? extends ModerationRule> rules, Set<String> reportOnly) {
            Objects.requireNonNull(rules, "rules must not be null");
            Objects.requireNonNull(reportOnly, "report only must not be null");
            Set<String> unused = new HashSet<>(reportOnly);
            for (ModerationRule rule : rules) {
                Objects.requireNonNull(rule, "rules must not contain null");
                add(rule, unused.remove(rule.name()));
            }
            if (!unused.isEmpty()) {
                throw new IllegalArgumentException("report only names rules that are not in the pipeline: "
                        + new java.util.TreeSet<>(unused));
            }
            return this;
        }

        private Builder add(ModerationRule rule, boolean reportOnly) {
            Objects.requireNonNull(rule, "rule must not be null");
            String name = Objects.requireNonNull(rule.name(), "rule name must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("rule name must not be blank");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("rule name must be unique in a pipeline, \"" + name
                        + "\" was added twice");
            }
            entries.add(new Entry(rule, reportOnly));
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         */
        public ModerationPipeline build() {
            return new ModerationPipeline(entries);
        }
    }
}
