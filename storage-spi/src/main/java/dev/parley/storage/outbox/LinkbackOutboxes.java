package dev.parley.storage.outbox;

import dev.parley.storage.jobs.NewJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * For {@link LinkbackOutbox} implementations and their workers: the argument checks, the send job of a source
 * and target, and the plan's arithmetic, so that every outbox refuses misuse with the same messages and plans
 * alike.
 *
 * <p>Thread-safe: stateless.
 */
public final class LinkbackOutboxes {

    private LinkbackOutboxes() {
    }

    /**
     * The send job of one target: kind {@link LinkbackOutbox#SEND_KIND}, payload {@code source + "\n" + target},
     * deduplication key {@code source + " " + target}.
     *
     * @param source the source URL
     * @param target the target URL
     * @param runAt when it may run
     * @return the job to enqueue
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a URL is malformed or {@code runAt} out of range
     */
    public static NewJob sendJob(String source, String target, Instant runAt) {
        checkUrl(source, "source");
        checkUrl(target, "target");
        return new NewJob(LinkbackOutbox.SEND_KIND, source + "\n" + target, runAt, source + " " + target);
    }

    /**
     * Checks a source or target URL as {@link LinkbackOutbox} describes.
     *
     * @param url the URL
     * @param field what it is called in messages ("source", "target")
     * @return the URL
     * @throws NullPointerException if {@code url} is null
     * @throws IllegalArgumentException naming the field, if it is blank, too long, holds control characters or
     *     an unpaired surrogate
     */
    public static String checkUrl(String url, String field) {
        return OutboxChecks.url(url, field);
    }

    /**
     * Checks the arguments of {@link LinkbackOutbox#plan}.
     *
     * @param source the source URL
     * @param targets the targets
     * @param deleted whether the post is deleted
     * @param runAt the jobs' run time
     * @return the run time truncated to microseconds
     * @throws NullPointerException if an argument or a target is null
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Instant checkPlan(String source, Set<String> targets, boolean deleted, Instant runAt) {
        checkUrl(source, "source");
        Objects.requireNonNull(targets, "targets must not be null");
        if (targets.size() > LinkbackOutbox.MAX_TARGETS) {
            throw new IllegalArgumentException("a source may link to at most " + LinkbackOutbox.MAX_TARGETS
                    + " targets, was " + targets.size());
        }
        if (deleted && !targets.isEmpty()) {
            throw new IllegalArgumentException("a deleted source links to no target, but " + targets.size()
                    + " were given");
        }
        for (String target : targets) {
            checkUrl(target, "target");
        }
        return OutboxChecks.instant(runAt, "run at");
    }

    /**
     * Checks the arguments of {@link LinkbackOutbox#record}.
     *
     * @param source the source URL
     * @param target the target URL
     * @param result the result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a URL is malformed
     */
    public static void checkRecord(String source, String target, SendResult result) {
        checkUrl(source, "source");
        checkUrl(target, "target");
        Objects.requireNonNull(result, "result must not be null");
    }

    /**
     * Works out a plan of {@link LinkbackOutbox#plan} from the source's current records, for an implementation
     * that then writes it (with the jobs of {@link Plan#queued()}) in one atomic step.
     *
     * @param source the source URL, checked
     * @param existing the source's records as stored, in any order
     * @param targets the targets the source links to now, checked; empty if {@code deleted}
     * @param deleted whether the source is deleted: then every record is queued, live or not
     * @param now the outbox's time, the queued records' {@code updatedAt}
     * @return what to write
     * @throws IllegalArgumentException if the targets to queue exceed {@link LinkbackOutbox#MAX_TARGETS}
     */
    public static Plan plan(String source, List<TargetRecord> existing, Set<String> targets, boolean deleted,
            Instant now) {
        TreeSet<String> union = new TreeSet<>(targets);
        Map<String, TargetRecord> others = new HashMap<>();
        int previousLive = 0;
        for (TargetRecord record : existing) {
            if (record.live() || deleted) {
                union.add(record.target());
                previousLive += record.live() ? 1 : 0;
            } else {
                others.put(record.target(), record);
            }
        }
        if (union.size() > LinkbackOutbox.MAX_TARGETS) {
            throw new IllegalArgumentException("source " + source + " would have " + union.size()
                    + " targets to tell (its " + previousLive + " live ones and the new ones), more than "
                    + LinkbackOutbox.MAX_TARGETS + "; nothing was changed");
        }
        List<TargetRecord> queued = new ArrayList<>(union.size());
        for (String target : union) {
            queued.add(TargetRecord.queued(source, target, targets.contains(target), now));
            others.remove(target);
        }
        List<TargetRecord> left = new ArrayList<>(others.values());
        int excess = queued.size() + left.size() - LinkbackOutbox.MAX_TARGETS;
        List<String> forgotten = new ArrayList<>();
        if (excess > 0) {
            left.sort(Comparator.comparing(TargetRecord::updatedAt).thenComparing(TargetRecord::target));
            for (int i = 0; i < excess; i++) {
                forgotten.add(left.get(i).target());
            }
        }
        return new Plan(List.copyOf(queued), List.copyOf(forgotten));
    }

    /**
     * The records of a source in {@link LinkbackOutbox#targets} order: live ones first, then by target.
     *
     * @return the order
     */
    public static Comparator<TargetRecord> targetOrder() {
        return Comparator.comparing((TargetRecord r) -> !r.live()).thenComparing(TargetRecord::target);
    }

    /**
     * What a plan writes.
     *
     * @param queued the records to store, replacing any of the same target, each {@link SendStatus#QUEUED}, in
     *     target order; each needs its {@linkplain LinkbackOutboxes#sendJob send job}
     * @param forgotten the targets whose records to delete, to stay within {@link LinkbackOutbox#MAX_TARGETS}
     */
    public record Plan(List<TargetRecord> queued, List<String> forgotten) {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException if a list is null
         */
        public Plan {
            queued = List.copyOf(queued);
            forgotten = List.copyOf(forgotten);
        }

        /**
         * The queued targets, in {@link String} order: what {@link LinkbackOutbox#plan} returns.
         *
         * @return the targets
         */
        public List<String> targets() {
            return queued.stream().map(TargetRecord::target).toList();
        }
    }
}
